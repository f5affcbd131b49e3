import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface FakeServer {
  port: number;
  received: Received[];
  /** Answers for the next requests, in order; when empty, the default answer. */
  answers: Array<{ status?: number; body: unknown }>;
  /** How long each answer waits, as a slow provider would. */
  delayMs: number;
  close: () => Promise<void>;
}

/** A loopback HTTP server that records what it receives and answers as scripted. */
const fake = async (defaultAnswer: (r: Received) => { status?: number; body: unknown }): Promise<FakeServer> => {
  const state: FakeServer = { port: 0, received: [], answers: [], delayMs: 0, close: async () => undefined };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const received = { path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, body };
      state.received.push(received);
      const answer = state.answers.shift() ?? defaultAnswer(received);
      setTimeout(() => {
        // No keep-alive: a client reusing a socket this server is closing after its 5 s idle timeout
        // gets ECONNRESET, which failed a retry test under load on CI.
        res.writeHead(answer.status ?? 200, { 'Content-Type': 'application/json', Connection: 'close' });
        res.end(JSON.stringify(answer.body));
      }, state.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.address() as AddressInfo).port;
  state.close = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
};

/** Answers like Alibaba Cloud's SendSms: HTTP 200 with a Code; business errors come back as codes too. */
export const smsAnswer = (code = 'OK', message = code) => ({
  body: {
    Code: code,
    Message: message,
    BizId: code === 'OK' ? `biz-${Math.random().toString(36).slice(2, 10)}` : undefined,
    RequestId: 'req-1',
  },
});

export const fakeSms = () => fake(() => smsAnswer());

/** Answers like WeChat's token and subscribe-message endpoints. */
export const fakeWechat = () =>
  fake((r) =>
    r.path === '/cgi-bin/token'
      ? { body: { access_token: 'token-1', expires_in: 7200 } }
      : { body: { errcode: 0, errmsg: 'ok', msgid: 1001 } },
  );
