/** The settings, validated at start; they live in the platform so that modules and platform read one typed Config. */
export * from './platform/config.ts';
