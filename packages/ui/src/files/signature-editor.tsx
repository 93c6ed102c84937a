import { useEffect, useRef, useState, type PointerEvent } from 'react';
import type { FileRef } from '@trellis/forms';
import type { FieldWidgetProps } from '../field-widget.js';
import { useFileAccess } from './file-access.js';
import { fileText } from './file-messages.js';
import { clearSignature, preparePen, renderTypedSignature } from './signature-drawing.js';

const WIDTH = 400;
const HEIGHT = 160;

const isRef = (v: unknown): v is FileRef => typeof v === 'object' && v !== null && typeof (v as FileRef).id === 'string';

/**
 * The signature pad: draw with a mouse, pen or finger (pointer events on a canvas), or type
 * a name that is written onto the canvas (for keyboard users); "Use signature" turns the
 * canvas into a PNG, uploads it as a file of the field and sets the value to its ref. A
 * signed field shows the signature image and offers to sign again.
 */
export function SignatureEditor({ field, value, onChange, id, describedBy, invalid, disabled, locale }: FieldWidgetProps) {
  const access = useFileAccess();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [inked, setInked] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [preview, setPreview] = useState<string | undefined>(undefined);
  const signed = isRef(value);

  const context = () => canvas.current?.getContext('2d') ?? null;
  useEffect(() => {
    const ctx = context();
    if (ctx !== null) clearSignature(ctx, WIDTH, HEIGHT);
  }, [signed]);
  useEffect(() => () => (preview === undefined ? undefined : URL.revokeObjectURL(preview)), [preview]);

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * WIDTH) / (r.width || WIDTH), y: ((e.clientY - r.top) * HEIGHT) / (r.height || HEIGHT) };
  };

  const clear = () => {
    const ctx = context();
    if (ctx !== null) clearSignature(ctx, WIDTH, HEIGHT);
    setInked(false);
    setTyped('');
    setError(undefined);
  };

  const confirm = () => {
    const el = canvas.current;
    if (el === null || access === undefined) return;
    if (!inked && typed.trim() === '') {
      setError(fileText(locale, 'emptySignature'));
      return;
    }
    setBusy(true);
    setError(undefined);
    el.toBlob((blob) => {
      if (blob === null) {
        setBusy(false);
        setError(fileText(locale, 'uploadFailed'));
        return;
      }
      const file = new File([blob], 'signature.png', { type: 'image/png' });
      access
        .upload(field, file, () => undefined, new AbortController().signal)
        .then((ref) => {
          setPreview(URL.createObjectURL(file));
          onChange(ref);
          setInked(false);
          setTyped('');
        })
        .catch((e: unknown) => setError(`${fileText(locale, 'uploadFailed')}: ${(e as Error).message}`))
        .finally(() => setBusy(false));
    }, 'image/png');
  };

  if (signed) {
    const src = preview ?? access?.url(value);
    return (
      <div className="tr-signature tr-signature-signed" aria-describedby={describedBy} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
        {src === undefined ? <span>{fileText(locale, 'signed')}</span> : <img className="tr-signature-image" src={src} alt={fileText(locale, 'signatureAlt')} style={{ maxWidth: 240, maxHeight: 96, border: '1px solid #f0f0f0' }} />}
        {disabled ? null : (
          <button type="button" id={id} className="tr-button" onClick={() => onChange(null)}>
            {fileText(locale, 'resign')}
          </button>
        )}
      </div>
    );
  }

  return (
    <div className="tr-signature" aria-describedby={describedBy}>
      <canvas
        ref={canvas}
        className="tr-signature-pad"
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={fileText(locale, 'signHere')}
        style={{ width: '100%', maxWidth: WIDTH, aspectRatio: `${WIDTH} / ${HEIGHT}`, border: `1px solid ${invalid ? '#ff4d4f' : '#d9d9d9'}`, borderRadius: 6, touchAction: 'none', background: '#fff', display: 'block', cursor: disabled ? 'default' : 'crosshair' }}
        onPointerDown={(e) => {
          if (disabled) return;
          const ctx = context();
          if (ctx === null) return;
          if (typed !== '') {
            clearSignature(ctx, WIDTH, HEIGHT);
            setTyped('');
          }
          e.currentTarget.setPointerCapture(e.pointerId);
          drawing.current = true;
          preparePen(ctx);
          const p = point(e);
          ctx.beginPath();
          ctx.moveTo(p.x, p.y);
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const ctx = context();
          if (ctx === null) return;
          const p = point(e);
          ctx.lineTo(p.x, p.y);
          ctx.stroke();
          if (!inked) setInked(true);
        }}
        onPointerUp={() => {
          drawing.current = false;
        }}
        onPointerCancel={() => {
          drawing.current = false;
        }}
      />
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, marginTop: 6 }}>
        <input
          id={id}
          type="text"
          className="tr-input tr-signature-name"
          value={typed}
          placeholder={fileText(locale, 'typeName')}
          aria-label={fileText(locale, 'typeName')}
          aria-invalid={invalid || undefined}
          disabled={disabled || access === undefined}
          maxLength={60}
          onChange={(e) => {
            setTyped(e.target.value);
            setInked(false);
            const ctx = context();
            if (ctx !== null) renderTypedSignature(ctx, e.target.value, WIDTH, HEIGHT);
          }}
        />
        <button type="button" className="tr-button" onClick={clear} disabled={disabled}>
          {fileText(locale, 'clear')}
        </button>
        <button type="button" className="tr-button tr-button-primary" onClick={confirm} disabled={disabled || busy || access === undefined}>
          {fileText(locale, 'useSignature')}
        </button>
      </div>
      {error === undefined ? null : (
        <div className="tr-file-error" role="alert" style={{ color: '#ff4d4f' }}>
          {error}
        </div>
      )}
      {access === undefined ? <div style={{ color: '#8c8c8c' }}>{fileText(locale, 'unavailable')}</div> : null}
    </div>
  );
}
