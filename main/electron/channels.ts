/** The only two IPC channels: every call goes through one, every event through the other. */
export const CALL_CHANNEL = 'desk:call';
export const EVENT_CHANNEL = 'desk:event';
