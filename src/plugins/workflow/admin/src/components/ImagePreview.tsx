import { useEffect, useState } from 'react';
import { downloadFile } from '../api/orders';

/** A thumbnail of a private image: fetched with the staff member's token, shown from memory. */
export const ImagePreview = ({ number, fileId, name }: { number: string; fileId: number; name: string }) => {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let objectUrl: string | null = null;
    downloadFile(number, fileId)
      .then((blob) => {
        objectUrl = URL.createObjectURL(blob as Blob);
        setUrl(objectUrl);
      })
      .catch(() => setUrl(null));
    return () => {
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [number, fileId]);
  return url ? (
    <img
      src={url}
      alt={name}
      data-testid="image-preview"
      style={{ maxWidth: 120, maxHeight: 90, borderRadius: 4, border: '1px solid #ddd' }}
    />
  ) : null;
};
