/** The settings screen's words, in Japanese and English: they load with the screen (see i18n.addWords). */
import type { Words } from './catalogue.js';

/** Everything the settings screen adds to the catalogue. */
export const SETTINGS_WORDS = {
  /** The settings screen's strings. */
  ui: {
    'settings.title': { ja: 'スキャン設定', en: 'Scan settings' },
    'settings.volume': { ja: '音量 {volume}', en: 'Volume {volume}' },
    'settings.test': { ja: '音を確かめる', en: 'Try the sounds' },
    'settings.tone.ok': { ja: 'OK', en: 'OK' },
    'settings.tone.error': { ja: 'エラー', en: 'Error' },
    'settings.tone.warning': { ja: '注意', en: 'Warning' },
    'settings.tone.complete': { ja: '完了', en: 'Complete' },
    'settings.wedge': { ja: 'スキャナー（キーボード入力）', en: 'Scanner (keyboard wedge)' },
    'settings.endKeys': { ja: 'スキャンの終わり', en: 'A scan ends with' },
    'settings.end.Enter': { ja: 'Enter', en: 'Enter' },
    'settings.end.Tab': { ja: 'Tab', en: 'Tab' },
    'settings.end.newline': { ja: '改行(LF)', en: 'Line feed' },
    'settings.pauseEnds': { ja: 'キーの途切れ（終わりのキーを送らないスキャナー用）', en: 'A pause (for scanners that send no end key)' },
    'settings.pauseMs': { ja: '終わりとみなす途切れ（ミリ秒）', en: 'Pause that ends a scan (ms)' },
    'settings.duplicateWindowMs': { ja: '二重読み取りとみなす間隔（ミリ秒）', en: 'Double-trigger window (ms)' },
    'settings.prefix': { ja: '取り除く接頭辞', en: 'Prefix to strip' },
    'settings.suffix': { ja: '取り除く接尾辞', en: 'Suffix to strip' },
    'settings.camera': { ja: 'カメラ', en: 'Camera' },
    'settings.formats': { ja: '読むバーコードの種類', en: 'Barcode formats' },
    'settings.leaveMs': { ja: '同じコードを再び数えるまで枠外にある時間（ミリ秒）', en: 'Out of view before the same code counts again (ms)' },
    'settings.reset': { ja: '初期値に戻す', en: 'Reset to defaults' },
  },
} satisfies Words;
