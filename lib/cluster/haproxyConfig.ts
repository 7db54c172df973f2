/**
 * The HAProxy configuration of a Sitrep cluster, as text: one frontend, one backend of Sitrep nodes. Pure (no I/O):
 * scripts/lib/localServices/haproxyServer.ts writes and runs it, deploy/haproxy.cfg is its production example.
 */

export interface HaproxyNode {
  /** HAProxy's name for the server, also the value of its stickiness cookie: letters, digits, `-`, `_`, `.`. */
  readonly name: string;
  readonly host: string;
  readonly port: number;
}

export interface HaproxyHealthCheck {
  /** Time between two checks of a node. */
  readonly intervalMs: number;
  /** Failed checks in a row before a node is marked DOWN. */
  readonly fall: number;
  /** Passed checks in a row before a DOWN node is marked UP again. */
  readonly rise: number;
  /** How long one check may take. */
  readonly timeoutMs: number;
}

export interface HaproxyTls {
  /** A PEM file holding the certificate chain and its private key. */
  readonly certificatePath: string;
  /** A plain-HTTP port that only redirects to https (usually 80); none when absent. */
  readonly httpRedirectPort?: number;
}

export interface HaproxyConfigInput {
  readonly frontendPort: number;
  /** `127.0.0.1` for a local cluster, `0.0.0.0` (or a public address) in production. */
  readonly bindAddress: string;
  readonly nodes: readonly HaproxyNode[];
  readonly healthCheck?: Partial<HaproxyHealthCheck>;
  /** Connection attempts to a node after the first fails; the last one goes to another node (option redispatch). */
  readonly retries?: number;
  /** HAProxy's limit of concurrent connections (each screen holds one WebSocket). */
  readonly maxConnections?: number;
  /** A unix socket for HAProxy's runtime API (`show stat`, `set server … state drain`); none when absent. */
  readonly statsSocketPath?: string;
  /** Where HAProxy logs (`/dev/log local0` on Debian); no logging when absent. */
  readonly logTarget?: string;
  /** Terminates TLS at HAProxy; plain HTTP when absent. */
  readonly tls?: HaproxyTls;
  /** Drops root after binding: the system user and group to run as, and the folder to chroot into (Debian's package makes them). */
  readonly runAs?: { readonly user: string; readonly group: string; readonly chroot: string };
  /** Lines written as `#` comments at the top of the file. */
  readonly comment?: readonly string[];
}

export const HAPROXY_BACKEND_NAME = 'sitrep_nodes';
/** The cookie that keeps an HTTP long-polling client on the node that holds its session. */
export const STICKY_COOKIE_NAME = 'SITREP_NODE';
export const HEALTH_CHECK_PATH = '/api/health';

export const DEFAULT_HEALTH_CHECK: HaproxyHealthCheck = { intervalMs: 2_000, fall: 3, rise: 2, timeoutMs: 2_000 };
const DEFAULT_RETRIES = 2;
const DEFAULT_MAX_CONNECTIONS = 20_000;

/** Timeouts of the proxy. A WebSocket, once upgraded, is a tunnel: only TUNNEL_TIMEOUT_MS of silence ends it. */
const CONNECT_TIMEOUT_MS = 5_000;
const HTTP_REQUEST_TIMEOUT_MS = 10_000;
const CLIENT_TIMEOUT_MS = 60_000;
const SERVER_TIMEOUT_MS = 60_000;
/** Longer than Socket.IO's heartbeat (pingInterval 25 s + pingTimeout 20 s), so a quiet live screen is never cut. */
const TUNNEL_TIMEOUT_MS = 3_600_000;
/** How long a half-closed connection may linger (a client that vanished without closing its side). */
const CLIENT_FIN_TIMEOUT_MS = 30_000;
const SERVER_FIN_TIMEOUT_MS = 30_000;
const QUEUE_TIMEOUT_MS = 30_000;

/**
 * Why the backend balances as it does; written into the file, where operators read it. Sitrep's own screens use
 * WebSocket only and need no stickiness, but Socket.IO also accepts HTTP long-polling, whose requests must all
 * reach the node that holds the session.
 */
const STICKINESS_COMMENT = [
  'Sitrep screens use WebSocket only: one long connection, no stickiness needed. Socket.IO also accepts',
  'HTTP long-polling, whose requests must all reach the node holding the session: the cookie keeps them',
  'there (balance source would put every viewer behind one NAT, a whole office at a briefing, on one node).',
  'leastconn spreads the long-lived WebSockets evenly and refills a node that comes back.',
];

const NAME_PATTERN = /^[A-Za-z0-9_.-]+$/;

/** HAProxy's time syntax, in the largest whole unit: 3600000 → `1h`, 1500 → `1500ms`. */
export function haproxyDuration(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0) throw new Error(`a duration in whole milliseconds, got ${ms}`);
  if (ms > 0 && ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms > 0 && ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms > 0 && ms % 1_000 === 0) return `${ms / 1_000}s`;
  return `${ms}ms`;
}

function checkPort(port: number, what: string): void {
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`${what}: a port from 1 to 65535, got ${port}`);
}

function checkInput(input: HaproxyConfigInput, check: HaproxyHealthCheck): void {
  checkPort(input.frontendPort, 'frontendPort');
  if (input.tls?.httpRedirectPort !== undefined) checkPort(input.tls.httpRedirectPort, 'tls.httpRedirectPort');
  if (input.nodes.length === 0) throw new Error('nodes: at least one node');
  const names = new Set<string>();
  for (const node of input.nodes) {
    if (!NAME_PATTERN.test(node.name)) throw new Error(`node name "${node.name}": letters, digits, -, _ and . only`);
    if (names.has(node.name)) throw new Error(`node name "${node.name}" is used twice`);
    names.add(node.name);
    if (!/^[^\s:]+$/.test(node.host)) throw new Error(`node ${node.name}: host "${node.host}" is not a host name or IPv4 address`);
    checkPort(node.port, `node ${node.name}`);
  }
  for (const [key, value] of Object.entries(check)) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`healthCheck.${key}: a whole number above 0, got ${value}`);
  }
}

function globalSection(input: HaproxyConfigInput): string[] {
  return [
    'global',
    `    maxconn ${input.maxConnections ?? DEFAULT_MAX_CONNECTIONS}`,
    ...(input.runAs ? [`    user ${input.runAs.user}`, `    group ${input.runAs.group}`, `    chroot ${input.runAs.chroot}`] : []),
    ...(input.logTarget ? [`    log ${input.logTarget}`] : []),
    ...(input.statsSocketPath ? [`    stats socket ${input.statsSocketPath} mode 600 level admin`] : []),
  ];
}

function defaultsSection(input: HaproxyConfigInput): string[] {
  return [
    'defaults',
    '    mode http',
    ...(input.logTarget ? ['    log global', '    option httplog'] : []),
    '    option forwardfor',
    // A connection that fails is retried; the last attempt goes to another node, so a client whose node died
    // (and whose cookie still names it) is served by a live one.
    `    retries ${input.retries ?? DEFAULT_RETRIES}`,
    '    option redispatch',
    `    timeout connect ${haproxyDuration(CONNECT_TIMEOUT_MS)}`,
    `    timeout http-request ${haproxyDuration(HTTP_REQUEST_TIMEOUT_MS)}`,
    `    timeout client ${haproxyDuration(CLIENT_TIMEOUT_MS)}`,
    `    timeout server ${haproxyDuration(SERVER_TIMEOUT_MS)}`,
    `    timeout tunnel ${haproxyDuration(TUNNEL_TIMEOUT_MS)}`,
    `    timeout client-fin ${haproxyDuration(CLIENT_FIN_TIMEOUT_MS)}`,
    `    timeout server-fin ${haproxyDuration(SERVER_FIN_TIMEOUT_MS)}`,
    `    timeout queue ${haproxyDuration(QUEUE_TIMEOUT_MS)}`,
  ];
}

function frontendSection(input: HaproxyConfigInput): string[] {
  const { tls } = input;
  const bind = `${input.bindAddress}:${input.frontendPort}`;
  if (!tls) return ['frontend sitrep', `    bind ${bind}`, `    default_backend ${HAPROXY_BACKEND_NAME}`];
  return [
    'frontend sitrep',
    `    bind ${bind} ssl crt ${tls.certificatePath} alpn h2,http/1.1`,
    ...(tls.httpRedirectPort === undefined ? [] : [`    bind ${input.bindAddress}:${tls.httpRedirectPort}`]),
    '    http-request redirect scheme https code 301 unless { ssl_fc }',
    '    http-request set-header X-Forwarded-Proto https',
    `    default_backend ${HAPROXY_BACKEND_NAME}`,
  ];
}

function backendSection(input: HaproxyConfigInput, check: HaproxyHealthCheck): string[] {
  const cookieFlags = input.tls ? 'insert indirect nocache httponly secure' : 'insert indirect nocache httponly';
  return [
    `backend ${HAPROXY_BACKEND_NAME}`,
    ...STICKINESS_COMMENT.map((line) => `    # ${line}`),
    '    balance leastconn',
    `    cookie ${STICKY_COOKIE_NAME} ${cookieFlags}`,
    `    option httpchk GET ${HEALTH_CHECK_PATH}`,
    '    http-check expect status 200',
    `    timeout check ${haproxyDuration(check.timeoutMs)}`,
    '    # A node marked DOWN has its connections cut at once: its screens reconnect through HAProxy to a live one.',
    `    default-server check inter ${haproxyDuration(check.intervalMs)} fall ${check.fall} rise ${check.rise} on-marked-down shutdown-sessions`,
    ...input.nodes.map((node) => `    server ${node.name} ${node.host}:${node.port} cookie ${node.name}`),
  ];
}

/** The whole configuration file, sections separated by a blank line, ending with a newline. */
export function renderHaproxyConfig(input: HaproxyConfigInput): string {
  const check = { ...DEFAULT_HEALTH_CHECK, ...input.healthCheck };
  checkInput(input, check);
  const header = (input.comment ?? []).map((line) => `# ${line}`.trimEnd());
  const sections = [globalSection(input), defaultsSection(input), frontendSection(input), backendSection(input, check)];
  if (header.length > 0) sections.unshift(header);
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
