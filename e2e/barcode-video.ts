import { writeFileSync } from 'node:fs';
import zxing from '@zxing/library';

// The package is CommonJS: its classes are properties of the default export.
const { BarcodeFormat, QRCodeWriter } = zxing;

const WIDTH = 640;
const HEIGHT = 480;

/**
 * Writes a Y4M video that shows one QR code on white, for Chromium's fake camera
 * (`--use-file-for-fake-video-capture`): the scan page then reads a real barcode through the real camera path.
 */
export function writeBarcodeVideo(file: string, text: string): void {
  const matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, new Map());
  const scale = Math.floor((HEIGHT - 120) / matrix.getHeight());
  const left = Math.floor((WIDTH - matrix.getWidth() * scale) / 2);
  const top = Math.floor((HEIGHT - matrix.getHeight() * scale) / 2);
  const luma = Buffer.alloc(WIDTH * HEIGHT, 235);
  for (let y = 0; y < matrix.getHeight() * scale; y++) {
    for (let x = 0; x < matrix.getWidth() * scale; x++) {
      if (matrix.get(Math.floor(x / scale), Math.floor(y / scale))) luma[(top + y) * WIDTH + left + x] = 16;
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`), frame, frame]));
}
