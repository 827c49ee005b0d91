/** Human-touch rules: the instruction and the inserts for each flag; every save is a new version. */
import { useEffect, useState } from 'preact/hooks';
import type { HumanTouchFlag, HumanTouchRule } from '../../shared/domain/catalogue.js';
import type { HumanTouchRulesResponse } from '../../shared/protocol/admin-console.js';
import { api } from '../api.js';
import type { OnError } from '../console.js';

const FLAGS: [HumanTouchFlag, string][] = [
  ['FIRST_PURCHASE', '初回購入 — 購入回数が 1'],
  ['SECOND_PURCHASE', '2回目購入 — 購入回数が 2'],
  ['FIRST_RETURN', '初回返品 — 返品 1 回、その後はじめての荷物'],
];

/** The rule editor. */
export function RulesSection({ onError }: { onError: OnError }) {
  const [data, setData] = useState<HumanTouchRulesResponse | null>(null);
  const [draft, setDraft] = useState<Record<string, { instruction: string; instructionEn: string; inserts: string }>>({});
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<number | null>(null);

  const adopt = (d: HumanTouchRulesResponse) => {
    setData(d);
    setDraft(
      Object.fromEntries(
        FLAGS.map(([flag]) => {
          const r = d.rules.find((x) => x.flag === flag);
          return [flag, { instruction: r?.instruction ?? '', instructionEn: r?.instructionEn ?? '', inserts: (r?.insertCodes ?? []).join(', ') }];
        }),
      ),
    );
  };
  useEffect(() => {
    api<HumanTouchRulesResponse>('GET', '/api/admin/human-touch-rules').then(adopt, onError);
  }, []);

  const save = async (e: Event) => {
    e.preventDefault();
    const rules: HumanTouchRule[] = FLAGS.filter(([flag]) => draft[flag]?.instruction.trim()).map(([flag]) => ({
      flag,
      instruction: draft[flag].instruction.trim(),
      instructionEn: draft[flag].instructionEn.trim() || null,
      insertCodes: draft[flag].inserts.split(/[\s,;、]+/).filter(Boolean),
    }));
    try {
      const d = await api<HumanTouchRulesResponse>('PUT', '/api/admin/human-touch-rules', { rules, note: note.trim() || null });
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
        {FLAGS.map(([flag, label]) => (
          <fieldset key={flag} data-testid={`rule-${flag}`}>
            <legend>{label}</legend>
            <label>
              指示（日本語）
              <textarea rows={2} value={draft[flag]?.instruction ?? ''} onInput={(e) => setDraft({ ...draft, [flag]: { ...draft[flag], instruction: e.currentTarget.value } })} />
            </label>
            <label>
              Instruction (English)
              <textarea rows={2} value={draft[flag]?.instructionEn ?? ''} onInput={(e) => setDraft({ ...draft, [flag]: { ...draft[flag], instructionEn: e.currentTarget.value } })} />
            </label>
            <label>
              追加する同梱物コード（カンマ区切り）
              <input value={draft[flag]?.inserts ?? ''} onInput={(e) => setDraft({ ...draft, [flag]: { ...draft[flag], inserts: e.currentTarget.value } })} />
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
                v{h.version} — {new Date(h.createdAt).toLocaleString()} {h.note ? `「${h.note}」` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
