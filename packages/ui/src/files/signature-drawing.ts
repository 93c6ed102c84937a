/** The part of a 2D canvas context the signature pad draws with (a real `CanvasRenderingContext2D` in the browser). */
export interface SignatureCanvas {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  lineCap: CanvasLineCap;
  lineJoin: CanvasLineJoin;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  clearRect(x: number, y: number, w: number, h: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number, maxWidth?: number): void;
  measureText(text: string): { width: number };
}

/** The font stack a typed signature is written in: a handwriting face where the system has one. */
export const SIGNATURE_FONTS = '"Segoe Script", "Brush Script MT", "STKaiti", "KaiTi", "Kaiti SC", cursive';

/** Paints the pad's white background (the PNG has no transparent holes on dark viewers). */
export function clearSignature(ctx: SignatureCanvas, width: number, height: number): void {
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
}

/** Sets the pen for hand-drawn strokes. */
export function preparePen(ctx: SignatureCanvas): void {
  ctx.strokeStyle = '#1f1f1f';
  ctx.lineWidth = 2.5;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
}

/**
 * Writes a typed name onto the pad, centred and as large as fits (the keyboard way to sign):
 * the font size shrinks until the text fits 90 % of the width.
 *
 * @example renderTypedSignature(ctx, '张三', 400, 160)
 */
export function renderTypedSignature(ctx: SignatureCanvas, name: string, width: number, height: number): void {
  clearSignature(ctx, width, height);
  const text = name.trim();
  if (text === '') return;
  let size = Math.floor(height * 0.55);
  ctx.font = `${size}px ${SIGNATURE_FONTS}`;
  while (size > 10 && ctx.measureText(text).width > width * 0.9) {
    size -= 2;
    ctx.font = `${size}px ${SIGNATURE_FONTS}`;
  }
  ctx.fillStyle = '#1f1f1f';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, width / 2, height / 2, width * 0.9);
}
