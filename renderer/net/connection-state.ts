/** Kept apart from hub-connection.ts so DOM-free code (and its Node-run tests) can name it. */
export type ConnectionState = 'connected' | 'reconnecting' | 'offline';
