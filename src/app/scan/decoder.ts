/** What every camera decoder offers the camera view (frame-decoder.ts picks one). */

/** Reads the codes in the current frame of a video. */
export interface FrameDecoder {
  readonly kind: 'native' | 'zxing-cpp';
  /** The texts of the codes in the frame (empty when none). */
  decode(video: HTMLVideoElement): Promise<string[]>;
}
