/**
 * Amplitude (Actions): Segment's presets on Segment's servers, fed by its session plugin. The plugin's
 * enrichment (`integrations['Actions Amplitude'].session_id`) is applied at hand-over, with the session
 * in force then, exactly where the plugin would have added it.
 */
import type { DestinationMode } from '../mode.js';
import type { AmplitudeSettings } from '../classic/settings.js';
import { ACTIONS_DESTINATION } from './presets.js';
import type { ActionsSettings } from './settings.js';
import { translateActions, withSessionId } from './translate.js';

export function actionsMode(actions: ActionsSettings, settings: AmplitudeSettings): DestinationMode {
  return {
    kind: 'actions',
    name: ACTIONS_DESTINATION,
    settings,
    session: { rules: 'segment-plugin', keptInSegmentStorage: true, restartsOnReset: false },
    userId: 'event',
    beforePlugins: withSessionId,
    translate: ({ event, sessionId }, debug) => {
      if (event.type === 'alias' && !actions.mappings['Alias Calls'])
        debug('alias() sends nothing in Actions mode unless mappings["Alias Calls"] is set');
      return translateActions(withSessionId(event, sessionId), actions);
    },
  };
}
