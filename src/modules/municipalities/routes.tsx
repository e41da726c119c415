import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../../platform/module.ts';

export const municipalityRoutes: FastifyPluginAsync<{ services: AppServices }> = async () => {};
