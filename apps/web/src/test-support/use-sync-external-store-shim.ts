// React 19 has useSyncExternalStore; the CommonJS shim would load the repository root's React in tests.
export { useSyncExternalStore } from 'react';
