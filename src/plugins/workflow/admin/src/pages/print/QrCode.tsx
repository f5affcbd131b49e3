import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/** A QR code of a link, as an image that prints (drawn by the `qrcode` library). */
export const QrCode = ({ text, label }: { text: string; label: string }) => {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(text, { margin: 1, width: 132 })
      .then((url) => live && setSrc(url))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [text]);
  if (!src) return null;
  return (
    <figure className="wf-qr">
      <img src={src} alt={label} data-testid="print-qr" data-text={text} />
      <figcaption>{label}</figcaption>
    </figure>
  );
};
