/** The focused input that receives keyboard-wedge scans and keeps the focus. */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { WEDGE_IDLE_SUBMIT_MS, WedgeReader } from './wedge.js';

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
}

/** A text input that turns wedge keystrokes into scans. */
export function ScanInput({ onScan, keepFocus, inputMode = 'none', placeholder, label, testId = 'scan-input', className }: ScanInputProps) {
  const ref = useRef<HTMLInputElement>(null);
  const reader = useRef(new WedgeReader());
  const idle = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;

  const submit = (decision: { submit: string } | null) => {
    const input = ref.current;
    if (!decision || !input) return false;
    input.value = '';
    if (decision.submit) onScanRef.current(decision.submit);
    return true;
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

  return (
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
      onInput={(e) => {
        const value = (e.currentTarget as HTMLInputElement).value;
        reader.current.onInput(value, performance.now());
        if (idle.current) clearTimeout(idle.current);
        idle.current = setTimeout(() => {
          const input = ref.current;
          if (input) submit(reader.current.onIdle(input.value, performance.now()));
        }, WEDGE_IDLE_SUBMIT_MS);
      }}
      onKeyDown={(e) => {
        const input = e.currentTarget as HTMLInputElement;
        const decision = reader.current.onKey(e.key, input.value, performance.now());
        // Tab would move the focus away and Enter may submit a form: the scan owns both keys.
        if (e.key === 'Enter' || e.key === 'Tab') e.preventDefault();
        if (decision && idle.current) clearTimeout(idle.current);
        submit(decision);
      }}
    />
  );
}
