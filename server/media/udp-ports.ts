import { createSocket } from 'node:dgram';

function bindable(port: number, ip: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind(port, ip, () => {
      socket.close(() => resolve(true));
    });
  });
}

/**
 * An even UDP port whose odd neighbour is free too: ffmpeg reading an SDP
 * binds RTP on the even port and RTCP on the next one, so both must be
 * free. A short race with another program remains; ffmpeg then fails and
 * the output reports it.
 */
export async function freeRtpPortPair(ip: string): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20000 + 2 * Math.floor(Math.random() * 10000);
    if ((await bindable(port, ip)) && (await bindable(port + 1, ip))) return port;
  }
  throw new Error('no free UDP port pair for ffmpeg');
}
