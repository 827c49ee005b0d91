/**
 * The focused input that receives keyboard-wedge scans and keeps the focus, with a camera button next
 * to it. Wedge and camera hand their text to the same onScan, so a flow never knows the source.
 * The camera view and its decoder are loaded on the first tap only (nothing of them is in the
 * initial JavaScript).
 */
import type { ComponentType } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/i18n.js';
import type { CameraViewProps } from './camera-view.js';
import { PauseTimer } from './pause-timer.js';
import { getScanSettings, onScanSettings } from './scan-settings.js';
import { WedgeReader, type WedgeStep } from './wedge.js';

interface ScanInputProps {
  onScan: (text: string) => void;
  /** Keep the focus on this input (refocus after taps and when the page becomes visible). */
  keepFocus: boolean;
  /** 'none' for the pack screen (no soft keyboard); 'text' where a person may type. */
  inputMode?: 'none' | 'text';
  placeholder?: string;
  label: string;
  testId?: string;
  className?: string;
  /** Show the camera button (default true). */
  camera?: boolean;
}

let cameraView: Promise<ComponentType<CameraViewProps>> | null = null;
/** Loads the camera view chunk once (its decoder loads later, when the camera starts). */
function loadCameraView(): Promise<ComponentType<CameraViewProps>> {
  cameraView ??= import('./camera-view.js').then((m) => m.CameraView);
  cameraView.catch(() => (cameraView = null));
  return cameraView;
}

/** A text input that turns wedge keystrokes into scans, plus a camera button. */
export function ScanInput({ onScan, keepFocus, inputMode = 'none', placeholder, label, testId = 'scan-input', className, camera = true }: ScanInputProps) {
  const ref = useRef<HTMLInputElement>(null);
  const reader = useRef(new WedgeReader(getScanSettings().wedge));
  const pauseTimer = useRef(new PauseTimer());
  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;
  const [Camera, setCamera] = useState<ComponentType<CameraViewProps> | null>(null);
  const [cameraOpen, setCameraOpen] = useState(false);

  useEffect(() => onScanSettings((s) => (reader.current.settings = s.wedge)), []);
  useEffect(() => () => pauseTimer.current.cancel(), []);

  const apply = (step: WedgeStep) => {
    const input = ref.current;
    if (!input) return;
    if (step.value !== null && input.value !== step.value) input.value = step.value;
    for (const text of step.scans) onScanRef.current(text);
    // A scanner with no suffix (opted in on the settings screen): end the burst when its keys pause.
    pauseTimer.current.cancel();
    const due = reader.current.pauseDueIn();
    if (due !== null) {
      pauseTimer.current.arm(due + 1, () => {
        const el = ref.current;
        if (el) apply(reader.current.pause(el.value, performance.now()));
      });
    }
  };

  // Layout effect: the input has the focus before the first paint, so no early scan is lost.
  useLayoutEffect(() => {
    if (!keepFocus) return;
    const refocus = () => {
      const input = ref.current;
      if (!input || document.visibilityState !== 'visible') return;
      const active = document.activeElement;
      // Leave the focus alone when the worker is typing somewhere else (manual entry, enrol form).
      if (active && active !== input && (active.tagName === 'INPUT' || active.tagName === 'TEXTAREA' || active.tagName === 'SELECT')) return;
      if (active !== input) input.focus({ preventScroll: true });
    };
    const later = () => setTimeout(refocus, 0);
    // A tap on a button must not take the focus from the scan input (a scan in between would be lost).
    const keep = (e: MouseEvent) => {
      if (e.target instanceof Element && e.target.closest('button')) e.preventDefault();
    };
    refocus();
    document.addEventListener('mousedown', keep, true);
    document.addEventListener('click', later, true);
    document.addEventListener('visibilitychange', later);
    window.addEventListener('focus', later);
    const input = ref.current;
    input?.addEventListener('blur', later);
    return () => {
      document.removeEventListener('mousedown', keep, true);
      document.removeEventListener('click', later, true);
      document.removeEventListener('visibilitychange', later);
      window.removeEventListener('focus', later);
      input?.removeEventListener('blur', later);
    };
  }, [keepFocus]);

  const openCamera = () => {
    setCameraOpen(true);
    if (!Camera) void loadCameraView().then((C) => setCamera(() => C), () => setCameraOpen(false));
  };

  return (
    <>
      <input
        ref={ref}
        class={className ?? 'scan-input'}
        data-testid={testId}
        type="text"
        inputMode={inputMode}
        autocomplete="off"
        autocorrect="off"
        autocapitalize="off"
        spellcheck={false}
        enterKeyHint="done"
        aria-label={label}
        placeholder={placeholder}
        onInput={(e) => apply(reader.current.input((e.currentTarget as HTMLInputElement).value, e.timeStamp))}
        onKeyDown={(e) => {
          const input = e.currentTarget as HTMLInputElement;
          const end = input.value.length;
          const step = reader.current.keyDown(
            {
              key: e.key,
              altKey: e.altKey && !e.getModifierState?.('AltGraph'),
              ctrlKey: e.ctrlKey,
              metaKey: e.metaKey,
              isComposing: e.isComposing || e.keyCode === 229,
              caretAtEnd: input.selectionStart === end && input.selectionEnd === end,
            },
            input.value,
            e.timeStamp,
          );
          if (step.preventDefault) e.preventDefault();
          apply(step);
        }}
      />
      {camera && (
        <button type="button" class="btn btn-small btn-camera" data-testid={`${testId}-camera`} aria-label={t('camera.open')} title={t('camera.open')} onClick={openCamera}>
          <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
            <path fill="currentColor" d="M9 4 7.2 6H4a2 2 0 0 0-2 2v10a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2h-3.2L15 4H9zm3 5a4 4 0 1 1 0 8 4 4 0 0 1 0-8z" />
          </svg>
        </button>
      )}
      {cameraOpen && Camera && (
        <Camera
          onScan={(text) => onScanRef.current(text)}
          onClose={() => {
            setCameraOpen(false);
            ref.current?.focus({ preventScroll: true });
          }}
        />
      )}
    </>
  );
}
