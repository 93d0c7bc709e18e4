/**
 * Channels the Electron shell answers itself (not the core's contract): they act on the window,
 * so they exist only where there is one. Named here once for the preload and the shell.
 */
export const PRINT_CHANNEL = 'shell.print';
export const DRAG_OUT_CHANNEL = 'shell.dragOut';
