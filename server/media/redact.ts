/**
 * Removes a stream target from text before it reaches a log line or an
 * error: the full URL, the key alone, and any rtmp(s) URL ffmpeg echoes
 * back (it may normalise the URL we passed).
 */
export function redactor(secrets: string[]): (text: string) => string {
  const parts = secrets.filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const part of parts) out = out.split(part).join('[redacted]');
    return out.replace(/rtmps?:\/\/\S+/gi, 'rtmp://[redacted]');
  };
}
