// The demo's own page logic: buttons that make Segment calls, the identity panel, and the live feed
// of what the local Amplitude collector received. Uses only the public window.analytics API.
(function () {
  var collector = window.DEMO.collectorUrl;
  var $ = function (id) {
    return document.getElementById(id);
  };
  var SOURCES = {
    anonymousId: 'Segment anonymousId (Prefer Anonymous ID for Device ID)',
    url: 'the amp_device_id URL parameter',
    stored: 'the ID Amplitude stored for this visitor',
    new: 'a new ID (first visit)',
  };

  function uuid() {
    return crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2);
  }

  function refreshIdentity() {
    var a = window.analytics;
    if (!a || !a.initialized) return;
    $('anon').textContent = a.user().anonymousId() || '–';
    $('user').textContent = a.user().id() || '(none)';
    $('device').textContent = a.amplitude.getDeviceId() || '–';
    var source = a.amplitude.getDeviceIdSource();
    $('source').textContent = source || '–';
    $('source').dataset.source = source || '';
    $('source-hint').textContent = source ? 'The device ID came from ' + SOURCES[source] + '.' : '';
    var session = a.amplitude.getSessionId();
    $('session').textContent = session ? session + ' (' + new Date(session).toLocaleTimeString() + ')' : '–';
  }

  function setLinks() {
    var base = location.pathname;
    var prefer = window.DEMO.preferAnonymousId;
    $('link-amp').href = base + '?amp_device_id=' + uuid() + (prefer ? '&prefer=on' : '');
    $('link-aid').href = base + '?ajs_aid=' + uuid() + (prefer ? '&prefer=on' : '');
    $('link-prefer').href = base + (prefer ? '' : '?prefer=on');
    $('link-prefer').innerHTML = 'Turn <code>preferAnonymousIdForDeviceId</code> ' + (prefer ? 'off' : 'on');
  }

  var calls = {
    identify: function (a) {
      var id = $('in-user').value || 'user-1234';
      show("analytics.identify('" + id + "', { email: 'ada@example.com', plan: 'pro', logins: 3 })");
      return a.identify(id, { email: 'ada@example.com', plan: 'pro', logins: 3 });
    },
    track: function (a) {
      show("analytics.track('Song Played', { title: 'So What', artist: 'Miles Davis' })");
      return a.track('Song Played', { title: 'So What', artist: 'Miles Davis' });
    },
    page: function (a) {
      show("analytics.page('Docs', 'Quick Start', { section: 'install' })");
      return a.page('Docs', 'Quick Start', { section: 'install' });
    },
    group: function (a) {
      show("analytics.group('acct-42', { name: 'Acme Inc', plan: 'enterprise' })");
      return a.group('acct-42', { name: 'Acme Inc', plan: 'enterprise' });
    },
    alias: function (a) {
      var to = ($('in-user').value || 'user-1234') + '-merged';
      show("analytics.alias('" + to + "')  // posted to the demo server, which calls Amplitude's user mapping");
      return a.alias(to);
    },
    server: function () {
      show("fetch('/demo-api/server-event', { method: 'POST' })  // the server reads AMP_* and ajs_* cookies");
      return fetch('/demo-api/server-event', { method: 'POST' })
        .then(function (r) {
          return r.json();
        })
        .then(function (data) {
          $('server-read').textContent =
            'The server read deviceId ' +
            (data.identity.deviceId || '(none)') +
            ', sessionId ' +
            (data.identity.sessionId || '(none)') +
            ' from the cookies, and logged "Server Side Event" under them.';
          $('server-read').dataset.deviceId = data.identity.deviceId || '';
        });
    },
    order: function (a) {
      show("analytics.track('Order Completed', { order_id: 'o-1001', revenue: 25, currency: 'USD', products: [...] })");
      return a.track('Order Completed', {
        order_id: 'o-1001',
        revenue: 25,
        currency: 'USD',
        products: [
          { product_id: 'p-monopoly', name: 'Monopoly', price: 19, quantity: 1 },
          { product_id: 'p-uno', name: 'Uno', price: 3, quantity: 2 },
        ],
      });
    },
    reset: function (a) {
      show('analytics.reset()');
      a.reset();
      return Promise.resolve();
    },
  };

  function show(text) {
    $('last-call').textContent = text;
  }

  document.querySelectorAll('[data-call]').forEach(function (button) {
    button.addEventListener('click', function () {
      var done = calls[button.dataset.call](window.analytics);
      refreshIdentity();
      Promise.resolve(done).then(refreshIdentity);
    });
  });

  // ---- Amplitude's other products, from bundles the demo server builds from node_modules (offline)
  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }
  var REPLAY_PLUGIN = '@amplitude/plugin-session-replay-browser';
  $('sr-toggle').addEventListener('change', function (e) {
    var on = e.target.checked;
    var client = window.analytics.amplitude.instance;
    if (!on) {
      show("analytics.amplitude.instance.remove('" + REPLAY_PLUGIN + "')");
      client.remove(REPLAY_PLUGIN);
      return;
    }
    show('analytics.amplitude.instance.add(sessionReplayPlugin({ sampleRate: 1 }))');
    loadScript('/demo/ecosystem/session-replay-plugin.js').then(function () {
      client.add(window.sessionReplayPlugin({ sampleRate: 1, configServerUrl: collector + '/config', trackServerUrl: collector + '/sessions/v2/track' }));
    });
  });
  var experiment;
  $('experiment').addEventListener('click', function () {
    show("Experiment.initializeWithAmplitudeAnalytics(key).fetch().then(() => experiment.variant('checkout-flow'))");
    // The demo's flag, served by the collector as Experiment's remote evaluation would answer.
    var flag = { variants: { 'checkout-flow': { key: 'treatment', value: 'treatment' } } };
    fetch(collector + '/_collector/experiment', { method: 'POST', body: JSON.stringify(flag) })
      .then(function () {
        return window.Experiment || loadScript('/demo/ecosystem/experiment.js');
      })
      .then(function () {
        experiment =
          experiment || window.Experiment.initializeWithAmplitudeAnalytics('demo-deployment-key', { serverUrl: collector, flagsServerUrl: collector });
        return experiment.fetch();
      })
      .then(function () {
        $('products-hint').textContent = 'checkout-flow: ' + (experiment.variant('checkout-flow').value || '(off)') + ' (its $exposure is in the feed)';
      });
  });

  // ---- live feed from the collector (server-sent events)
  var list = $('events');
  var count = 0;
  function render(event) {
    count++;
    $('count').textContent = count;
    var li = document.createElement('li');
    li.className =
      'event' +
      (event.event_type.charAt(0) === '$' ? ' special' : '') +
      (event.event_type === 'revenue_amount' ? ' revenue' : '') +
      (event.mapping || event.library === 'segment-amplitude-shim/server' ? ' server' : '');
    li.dataset.eventType = event.event_type;
    var shown = {};
    ['user_id', 'device_id', 'session_id', 'event_properties', 'user_properties', 'groups', 'app_version', 'mapping'].forEach(function (k) {
      if (event[k] !== undefined) shown[k] = event[k];
    });
    var head = document.createElement('div');
    head.className = 'event-head';
    var type = document.createElement('strong');
    type.textContent = event.event_type;
    var meta = document.createElement('span');
    meta.textContent = new Date(event.time).toLocaleTimeString() + ' · ' + event._received.transport;
    head.appendChild(type);
    head.appendChild(meta);
    var replay = event.event_properties && event.event_properties['[Amplitude] Session Replay ID'];
    if (replay) {
      var badge = document.createElement('span');
      badge.className = 'badge replay';
      badge.dataset.replayId = replay;
      badge.textContent = 'replay ' + replay;
      head.appendChild(badge);
    }
    var body = document.createElement('pre');
    body.textContent = JSON.stringify(shown, null, 2);
    li.appendChild(head);
    li.appendChild(body);
    list.insertBefore(li, list.firstChild);
  }
  function connect() {
    var source = new EventSource(collector + '/_collector/stream');
    source.onopen = function () {
      $('status').className = 'status ok';
      $('status-text').textContent = 'collector connected';
    };
    source.onerror = function () {
      $('status').className = 'status down';
      $('status-text').textContent = 'collector unreachable: is `npm run demo` running?';
    };
    source.onmessage = function (message) {
      var data = JSON.parse(message.data);
      if (data.kind === 'hello') {
        list.innerHTML = '';
        count = 0;
        data.events.forEach(render);
      } else if (data.kind === 'event') {
        render(data.event);
      } else if (data.kind === 'usermap') {
        render({
          event_type: 'usermap (alias via the demo server)',
          time: data.usermap.at,
          _received: { transport: 'server' },
          mapping: data.usermap.mapping,
        });
      } else if (data.kind === 'reset') {
        list.innerHTML = '';
        count = 0;
        $('count').textContent = '0';
      }
    };
  }
  $('clear').addEventListener('click', function () {
    fetch(collector + '/_collector/reset', { method: 'POST' });
  });

  // ---- consent: the banner's answer, and every key this site has stored (it should be none before consent)
  function refreshStored() {
    var keys = [];
    document.cookie.split(';').forEach(function (c) {
      var name = c.split('=')[0].trim();
      if (name) keys.push('cookie ' + name);
    });
    Object.keys(localStorage).forEach(function (k) {
      keys.push('localStorage ' + k);
    });
    Object.keys(sessionStorage).forEach(function (k) {
      keys.push('sessionStorage ' + k);
    });
    var text = keys.length ? keys.sort().join('\n') : '(nothing)';
    if ($('stored').dataset.text === text) return;
    $('stored').dataset.text = text;
    $('stored').innerHTML = '';
    (keys.length ? keys.sort() : ['(nothing)']).forEach(function (k) {
      var li = document.createElement('li');
      li.textContent = k;
      $('stored').appendChild(li);
    });
  }
  function setUpConsent() {
    var optIn = window.DEMO.consent === 'optin';
    $('link-consent').href = location.pathname + (optIn ? '' : '?consent=optin');
    $('link-consent').textContent = optIn ? 'Reload without a consent manager' : 'Reload behind a consent banner (opt-in, Segment’s consent wrapper)';
    if (!optIn) {
      $('consent-state').textContent = 'No consent manager on this page: the shim loads at once.';
      return;
    }
    $('consent-state').textContent = 'Banner open: the shim is not even loaded. Calls wait in the snippet; nothing is stored or sent.';
    $('consent-buttons').hidden = false;
    $('consent-accept').addEventListener('click', function () {
      window.fakeOneTrustAnswer(',C0001,C0002,');
      $('consent-state').textContent = 'Accepted: the queued calls and "Segment Consent Preference Updated" were sent; identity is stored.';
      $('consent-buttons').hidden = true;
    });
    $('consent-reject').addEventListener('click', function () {
      window.fakeOneTrustAnswer(',C0001,');
      $('consent-state').textContent = 'Rejected: Amplitude is off for this page. Nothing is stored or sent; calls still resolve.';
      $('consent-buttons').hidden = true;
    });
  }

  function setUpMode() {
    var actions = window.DEMO.mode === 'actions';
    $('mode-state').textContent = actions
      ? 'Amplitude (Actions): a page is one "Viewed {name}", the device ID is always the anonymousId, only "Order Completed" books revenue, group sends nothing.'
      : 'Amplitude (Classic): page events "Viewed {category} {name} Page" and "Loaded a Page", Amplitude’s own device ID, revenue on any event.';
    $('link-mode').href = location.pathname + (actions ? '' : '?mode=actions');
    $('link-mode').textContent = actions ? 'Switch to Classic mode' : 'Switch to Actions mode (integrations["Actions Amplitude"])';
  }

  setLinks();
  setUpMode();
  setUpConsent();
  refreshStored();
  setInterval(refreshStored, 300);
  document.body.dataset.started = 'true';
  connect();
  window.analytics.ready(function () {
    refreshIdentity();
    document.body.dataset.ready = 'true';
  });
})();
