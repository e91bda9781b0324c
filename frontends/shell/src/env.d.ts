/// <reference types="vite/client" />

/** Installed versions of the shared singletons, defined in vite.config.ts. */
declare const __SHARED_VERSIONS__: Record<string, string>;
