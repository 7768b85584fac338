// Segment's consent wrapper as a site loads it: @segment/analytics-consent-tools 2.0.3 (pinned), bundled
// for the browser, plus a small OneTrust wrapper and a fake window.OneTrust written here from the
// decisions listed in ../shared/reference/consent.md §3 (the real OneTrust wrapper is not in the registry).
// Used by the consent browser tests and by the demo's consent toggle.
import { rollup } from 'rollup';
import resolve from '@rollup/plugin-node-resolve';

let built;

/** consent-tools as an IIFE that sets window.SegmentConsentTools = { createWrapper, resolveWhen }. */
export async function consentToolsScript() {
  built ??= (async () => {
    const bundle = await rollup({
      input: 'virtual:consent-entry',
      plugins: [
        {
          name: 'consent-entry',
          resolveId: (id) => (id === 'virtual:consent-entry' ? id : null),
          load: (id) =>
            id === 'virtual:consent-entry'
              ? "import { createWrapper, resolveWhen } from '@segment/analytics-consent-tools'; window.SegmentConsentTools = { createWrapper, resolveWhen };"
              : null,
        },
        resolve({ browser: true, extensions: ['.js'] }),
      ],
      onwarn: () => undefined,
    });
    const { output } = await bundle.generate({ format: 'iife' });
    await bundle.close();
    return output[0].code + '\n' + ONETRUST_WRAPPER;
  })();
  return built;
}

/**
 * withOneTrust(analytics), built on createWrapper as Segment's OneTrust wrapper is: waits for
 * window.OneTrust; opt-in (or implied consent) waits for a closed banner and an active group; the
 * categories are OneTrust's groups, true when listed in window.OnetrustActiveGroups.
 */
const ONETRUST_WRAPPER = `
(function () {
  var tools = window.SegmentConsentTools;
  function groups() {
    var active = (window.OnetrustActiveGroups || '').split(',').filter(Boolean);
    var all = (window.OneTrust.GetDomainData().Groups || []).map(function (g) { return g.CustomGroupId; });
    var out = {};
    all.forEach(function (id) { out[id] = active.indexOf(id) !== -1; });
    return out;
  }
  function model() {
    var name = String(window.OneTrust.GetDomainData().ConsentModel.Name || '').toLowerCase();
    return name === 'opt-in' || name === 'implied consent' ? 'opt-in' : 'opt-out';
  }
  window.withOneTrust = function (analytics, options) {
    options = options || {};
    return tools.createWrapper({
      shouldLoadWrapper: function () { return tools.resolveWhen(function () { return !!window.OneTrust; }, 50); },
      shouldLoadSegment: function (ctx) {
        var consentModel = model();
        if (consentModel === 'opt-out') return ctx.load({ consentModel: 'opt-out' });
        return tools.resolveWhen(function () {
          return window.OneTrust.IsAlertBoxClosed() && (window.OnetrustActiveGroups || '').split(',').filter(Boolean).length > 0;
        }, 50).then(function () { ctx.load({ consentModel: 'opt-in' }); });
      },
      getCategories: groups,
      registerOnConsentChanged: options.disableConsentChangedEvent ? undefined : function (fn) {
        window.OneTrust.OnConsentChanged(function () { fn(groups()); });
      },
      integrationCategoryMappings: options.integrationCategoryMappings,
    })(analytics);
  };

  /** A fake OneTrust: groups C0001 (necessary, always on) and C0002 (performance). */
  window.installFakeOneTrust = function (consentModel, state) {
    state = state || {};
    var closed = !!state.closed;
    var listeners = [];
    window.OnetrustActiveGroups = state.active || ',C0001,';
    window.OneTrust = {
      GetDomainData: function () {
        return { ConsentModel: { Name: consentModel }, Groups: [{ CustomGroupId: 'C0001' }, { CustomGroupId: 'C0002' }] };
      },
      IsAlertBoxClosed: function () { return closed; },
      OnConsentChanged: function (fn) { listeners.push(fn); },
    };
    /** The visitor answers the banner: the active groups change, the banner closes, listeners hear it. */
    window.fakeOneTrustAnswer = function (active) {
      window.OnetrustActiveGroups = active;
      closed = true;
      listeners.forEach(function (fn) { fn(); });
    };
  };
})();
`;
