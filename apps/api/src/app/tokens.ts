/*
 * Injection tokens. `npm start` runs under tsx (esbuild), which emits no decorator metadata, so
 * NestJS cannot inject by parameter type: every constructor parameter names its token with @Inject.
 */

/** The `AppConfig`. */
export const CONFIG = Symbol('chidao.config');
/** The `EventStore`. */
export const STORE = Symbol('chidao.store');
/** The read models' `SqlClient`. */
export const READ_DB = Symbol('chidao.read-db');
/** The projection runner. */
export const RUNNER = Symbol('chidao.projection-runner');
/** The `TokenService`. */
export const TOKENS = Symbol('chidao.tokens');
/** The `CommandService`. */
export const COMMANDS = Symbol('chidao.commands');
/** The `HttpMetrics`. */
export const METRICS = Symbol('chidao.http-metrics');
/** The server clock, `() => Instant`. */
export const CLOCK = Symbol('chidao.clock');
/** The `Infrastructure` (store kind, where, close). */
export const INFRASTRUCTURE = Symbol('chidao.infrastructure');
