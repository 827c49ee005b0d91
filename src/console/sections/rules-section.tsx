/** Human-touch rules: the packing and returns-bench instructions and the inserts for each flag; every save is a new version. */
import { useEffect, useState } from 'preact/hooks';
import type { HumanTouchFlag } from '../../shared/domain/catalogue.js';
import type { HumanTouchRulesResponse } from '../../shared/protocol/admin-console.js';
import { api, type OnError } from '../api.js';
import { useConsoleData, zoneOf } from '../console-context.js';
import { formatWhen } from '../format.js';
import { draftFromRules, RULE_FLAGS, rulesFromDraft, type RuleFields } from '../rules-draft.js';

/** The rule editor. */
export function RulesSection({ onError }: { onError: OnError }) {
  const [data, setData] = useState<HumanTouchRulesResponse | null>(null);
  const [draft, setDraft] = useState(() => draftFromRules([]));
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<number | null>(null);
  const zone = zoneOf(useConsoleData());

  const adopt = (d: HumanTouchRulesResponse) => {
    setData(d);
    setDraft(draftFromRules(d.rules));
  };
  useEffect(() => {
    api<HumanTouchRulesResponse>('GET', '/api/admin/human-touch-rules').then(adopt, onError);
  }, []);
  const edit = (flag: HumanTouchFlag, field: keyof RuleFields, value: string) => setDraft({ ...draft, [flag]: { ...draft[flag], [field]: value } });

  const save = async (e: Event) => {
    e.preventDefault();
    try {
      const d = await api<HumanTouchRulesResponse>('PUT', '/api/admin/human-touch-rules', { rules: rulesFromDraft(draft), note: note.trim() || null });
      adopt(d);
      setSaved(d.version);
      setNote('');
    } catch (error) {
      onError(error);
    }
  };

  if (!data) return <p class="hint">読み込み中…</p>;
  return (
    <section data-testid="rules-section">
      <h2>ヒューマンタッチ設定 / Human-touch rules</h2>
      <p class="hint">
        現在のバージョン v<span data-testid="rules-version">{data.version}</span>。保存すると新しいバージョンになり、端末には次の同期で届きます。各出荷はフラグを付けた時点のバージョンを記録します。
      </p>
      <form onSubmit={save}>
        {RULE_FLAGS.map(([flag, label]) => (
          <fieldset key={flag} data-testid={`rule-${flag}`}>
            <legend>{label}</legend>
            <label>
              梱包の指示（日本語） / packing
              <textarea rows={2} value={draft[flag].instruction} onInput={(e) => edit(flag, 'instruction', e.currentTarget.value)} data-testid="rule-instruction" />
            </label>
            <label>
              Packing instruction (English)
              <textarea rows={2} value={draft[flag].instructionEn} onInput={(e) => edit(flag, 'instructionEn', e.currentTarget.value)} />
            </label>
            <label>
              返品受付の指示（日本語） / returns bench <small class="hint">空欄なら既定の文</small>
              <textarea rows={2} value={draft[flag].returnInstruction} onInput={(e) => edit(flag, 'returnInstruction', e.currentTarget.value)} data-testid="rule-return-instruction" />
            </label>
            <label>
              Returns instruction (English)
              <textarea rows={2} value={draft[flag].returnInstructionEn} onInput={(e) => edit(flag, 'returnInstructionEn', e.currentTarget.value)} />
            </label>
            <label>
              追加する同梱物コード（カンマ区切り）
              <input value={draft[flag].inserts} onInput={(e) => edit(flag, 'inserts', e.currentTarget.value)} />
            </label>
          </fieldset>
        ))}
        <div class="form-row">
          <input placeholder="変更メモ（任意）" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          <button type="submit" class="primary" data-testid="rules-save">
            新しいバージョンとして保存 / Save as new version
          </button>
          {saved !== null && <span class="ok">v{saved} を保存しました</span>}
        </div>
      </form>
      {data.history.length > 0 && (
        <>
          <h3>履歴 / History</h3>
          <ul class="history">
            {data.history.map((h) => (
              <li key={h.version}>
                v{h.version} — {formatWhen(h.createdAt, zone)} {h.note ? `「${h.note}」` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
