/**
 * Barcode decoding from the camera: the browser's own BarcodeDetector where it reads Data Matrix (Chrome on
 * Android, Safari), ZXing otherwise. Both read GS1 DataMatrix, GS1-128 / Code 128, QR, Code 39 and EAN/UPC.
 * FNC1 separators come out as the GS character (ASCII 29), which the UDI parser reads.
 */

export interface ScanSession {
  stop: () => void;
}

interface DetectedBarcode {
  rawValue: string;
}
interface NativeBarcodeDetector {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
interface NativeBarcodeDetectorClass {
  new (options: { formats: string[] }): NativeBarcodeDetector;
  getSupportedFormats(): Promise<string[]>;
}

const NATIVE_FORMATS = ['data_matrix', 'code_128', 'qr_code', 'code_39', 'ean_13', 'upc_a'];
const VIDEO: MediaStreamConstraints = { video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false };

/** A sentence for a camera that cannot be used, with what the user can do about it. */
export function cameraProblem(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'Camera access was refused. Allow the camera for this site in the browser’s settings, or type the code instead.';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'No camera was found on this device. Type or paste the code instead, or use a barcode scanner.';
  if (name === 'NotReadableError') return 'The camera is in use by another app. Close it and try again.';
  if (name === 'InsecureContext') return 'The camera needs a secure (https) connection to OpenHTM. Type or paste the code instead.';
  return `The camera could not be started${error instanceof Error && error.message ? `: ${error.message}` : ''}.`;
}

async function nativeDetector(): Promise<NativeBarcodeDetector | null> {
  const Detector = (globalThis as { BarcodeDetector?: NativeBarcodeDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  try {
    const supported = await Detector.getSupportedFormats();
    if (!supported.includes('data_matrix')) return null;
    return new Detector({ formats: NATIVE_FORMATS.filter((format) => supported.includes(format)) });
  } catch {
    return null;
  }
}

async function startNative(detector: NativeBarcodeDetector, video: HTMLVideoElement, onText: (text: string) => void): Promise<ScanSession> {
  const stream = await navigator.mediaDevices.getUserMedia(VIDEO);
  video.srcObject = stream;
  video.setAttribute('playsinline', 'true');
  await video.play();
  let running = true;
  const tick = async () => {
    if (!running) return;
    try {
      const found = await detector.detect(video);
      const text = found.find((barcode) => barcode.rawValue)?.rawValue;
      if (text && running) {
        onText(text);
        return;
      }
    } catch {
      // A frame that cannot be read yet (video not ready); the next one may be.
    }
    if (running) setTimeout(() => void tick(), 120);
  };
  void tick();
  return {
    stop: () => {
      running = false;
      for (const track of stream.getTracks()) track.stop();
      video.srcObject = null;
    },
  };
}

async function startZxing(video: HTMLVideoElement, onText: (text: string) => void): Promise<ScanSession> {
  const [{ BrowserMultiFormatReader }, { BarcodeFormat, DecodeHintType }] = await Promise.all([import('@zxing/browser'), import('@zxing/library')]);
  const hints = new Map<unknown, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.DATA_MATRIX, BarcodeFormat.CODE_128, BarcodeFormat.QR_CODE, BarcodeFormat.CODE_39, BarcodeFormat.EAN_13, BarcodeFormat.UPC_A]],
    // GS1-128: the leading FNC1 becomes the ]C1 symbology identifier instead of being dropped.
    [DecodeHintType.ASSUME_GS1, true],
  ]);
  const reader = new BrowserMultiFormatReader(hints as Map<never, unknown>, { delayBetweenScanAttempts: 100 });
  let done = false;
  const controls = await reader.decodeFromConstraints(VIDEO, video, (result, _error, scanControls) => {
    if (result && !done) {
      done = true;
      scanControls.stop();
      onText(result.getText());
    }
  });
  return { stop: () => controls.stop() };
}

/** Opens the back camera into `video` and calls `onText` once with the first barcode read. */
export async function startScanning(video: HTMLVideoElement, onText: (text: string) => void): Promise<ScanSession> {
  if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) {
    throw Object.assign(new Error('insecure context'), { name: 'InsecureContext' });
  }
  const detector = await nativeDetector();
  return detector ? startNative(detector, video, onText) : startZxing(video, onText);
}
