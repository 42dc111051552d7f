import { ok } from '../../shared/protocol/ack';
import type { publicCommands } from '../../shared/protocol/public';
import { protocolVersion } from '../../shared/protocol/public';
import { countOrganisations } from '../auth/users';
import type { Handlers } from '../protocol/handler';
import type { GuestPrincipal } from '../protocol/principal';

export const publicHandlers: Handlers<typeof publicCommands, GuestPrincipal> = {
  'hub.hello': {
    kind: 'query',
    async run(ctx) {
      return ok({
        product: 'wings-hub',
        protocol: protocolVersion,
        serverTime: ctx.now,
        setupRequired: (await countOrganisations(ctx.db)) === 0,
      });
    },
  },
};
