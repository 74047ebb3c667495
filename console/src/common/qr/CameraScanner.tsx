// Reads a QR code from the device's camera where the browser offers one: frames go through jsQR until one decodes.
import { Alert, Button, Space } from 'antd';
import jsQR from 'jsqr';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const FRAME_MS = 250;

export function hasCamera(): boolean {
  return typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;
}

export function CameraScanner({ onText }: { onText: (text: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [on, setOn] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!on) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    const canvas = document.createElement('canvas');
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (s) => {
        if (stopped) return s.getTracks().forEach((track) => track.stop());
        stream = s;
        const v = video.current!;
        v.srcObject = s;
        await v.play();
        timer = setInterval(() => {
          if (!v.videoWidth) return;
          canvas.width = v.videoWidth;
          canvas.height = v.videoHeight;
          const context = canvas.getContext('2d', { willReadFrequently: true });
          if (!context) return;
          context.drawImage(v, 0, 0);
          const code = jsQR(context.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
          if (code?.data) {
            setOn(false);
            onText(code.data);
          }
        }, FRAME_MS);
      })
      .catch(() => {
        setFailed(true);
        setOn(false);
      });
    return () => {
      stopped = true;
      clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [on, onText]);

  if (!hasCamera()) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button
        onClick={() => {
          setFailed(false);
          setOn((v) => !v);
        }}
      >
        {on ? t('verify.cameraStop') : t('verify.cameraStart')}
      </Button>
      {failed && <Alert type="warning" showIcon role="alert" title={t('verify.cameraUnavailable')} />}
      {on && <video ref={video} muted playsInline aria-label={t('verify.cameraView')} style={{ width: '100%', maxWidth: 480 }} />}
    </Space>
  );
}
