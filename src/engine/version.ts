/** Engine version, recorded in every result. Bump it when simulated numbers can change. */
export const ENGINE_VERSION = '0.3.0';
