/**
 * The camera view: back camera, viewfinder, torch toggle, and a clear way back to the scanner or
 * manual entry when the camera cannot be used. Decodes every video frame the device can afford
 * (requestVideoFrameCallback, else requestAnimationFrame; never two decodes at once) and hands each
 * new presentation of a code to onScan. Its own lazy chunk, loaded on the first camera tap.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type UiKey } from '../i18n/i18n.js';
import { CameraPresence } from './camera-presence.js';
import type { FrameDecoder } from './decoder.js';
import { createFrameDecoder } from './frame-decoder.js';
import { getScanSettings } from './scan-settings.js';

/** What the camera view needs from its scan prompt. */
export interface CameraViewProps {
  onScan: (text: string) => void;
  onClose: () => void;
}

type Phase = { step: 'starting' } | { step: 'live'; decoder: FrameDecoder['kind'] } | { step: 'failed'; key: UiKey };

/** Why getUserMedia failed, as a message that says what to do. */
function failureKey(error: unknown): UiKey {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'camera.denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'camera.none';
  if (name === 'NotReadableError') return 'camera.busy';
  return 'camera.failed';
}

/** Full-screen camera scanning over the current screen. */
export function CameraView({ onScan, onClose }: CameraViewProps) {
  const video = useRef<HTMLVideoElement>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'starting' });
  const [torch, setTorch] = useState<{ supported: boolean; on: boolean }>({ supported: false, on: false });
  const [last, setLast] = useState<string | null>(null);
  const track = useRef<MediaStreamTrack | null>(null);
  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | null = null;
    const settings = getScanSettings().camera;
    const presence = new CameraPresence(settings);

    const start = async () => {
      if (!navigator.mediaDevices?.getUserMedia) throw new DOMException('no mediaDevices', 'NotFoundError');
      stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
      });
      if (stopped) return;
      const el = video.current!;
      el.srcObject = stream;
      await el.play();
      const [videoTrack] = stream.getVideoTracks();
      track.current = videoTrack ?? null;
      const caps = (videoTrack?.getCapabilities?.() ?? {}) as { torch?: boolean };
      setTorch({ supported: caps.torch === true, on: false });
      // The decoder (zxing-cpp WebAssembly, when needed) loads and compiles while the picture is already live.
      const decoder = await createFrameDecoder(settings.formats);
      if (stopped) return;
      setPhase({ step: 'live', decoder: decoder.kind });
      const next = () => {
        if (stopped) return;
        if ('requestVideoFrameCallback' in el) el.requestVideoFrameCallback(() => void tick());
        else requestAnimationFrame(() => void tick());
      };
      const tick = async () => {
        if (stopped) return;
        try {
          const codes = await decoder.decode(el);
          for (const text of presence.frame(codes, performance.now())) {
            setLast(text);
            onScanRef.current(text);
          }
        } catch {
          // A frame that cannot be read (video not ready): try the next one.
        }
        next();
      };
      next();
    };
    start().catch((error: unknown) => {
      // The decoder may fail after the camera started: switch the camera off with the message.
      for (const tr of stream?.getTracks() ?? []) tr.stop();
      if (!stopped) setPhase({ step: 'failed', key: failureKey(error) });
    });
    return () => {
      stopped = true;
      for (const tr of stream?.getTracks() ?? []) tr.stop();
    };
  }, []);

  const toggleTorch = async () => {
    const next = !torch.on;
    try {
      await track.current?.applyConstraints({ advanced: [{ torch: next } as MediaTrackConstraintSet] });
      setTorch({ supported: true, on: next });
    } catch {
      setTorch({ supported: false, on: false });
    }
  };

  return (
    <div class="camera" data-testid="camera-view" data-phase={phase.step} data-decoder={phase.step === 'live' ? phase.decoder : ''} role="dialog" aria-label={t('camera.title')}>
      {phase.step === 'failed' ? (
        <div class="camera-failed" role="alert" data-testid="camera-error">
          <p class="error-text">{t(phase.key)}</p>
          <button type="button" class="btn btn-light btn-block" data-testid="camera-close" onClick={onClose}>
            {t('camera.backToScanner')}
          </button>
        </div>
      ) : (
        <>
          <video ref={video} class="camera-video" muted playsInline autoPlay />
          <div class="camera-viewfinder" aria-hidden="true" />
          <p class="camera-hint" data-testid="camera-hint">
            {phase.step === 'starting' ? t('camera.starting') : last ? t('camera.read', { code: last }) : t('camera.aim')}
          </p>
          <div class="camera-actions">
            {torch.supported && (
              <button type="button" class={`btn ${torch.on ? 'btn-primary' : 'btn-light'}`} data-testid="camera-torch" aria-pressed={torch.on} onClick={() => void toggleTorch()}>
                {t('camera.torch')}
              </button>
            )}
            <button type="button" class="btn btn-light" data-testid="camera-close" onClick={onClose}>
              {t('common.close')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
