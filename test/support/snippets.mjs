// Segment's snippet as sites have it, in its two shapes (4.x and 5.x), with only the script URL
// changed to ours. Written from the snippet's documented behaviour, not copied.
const METHODS_5 = [
  'trackSubmit',
  'trackClick',
  'trackLink',
  'trackForm',
  'pageview',
  'identify',
  'reset',
  'group',
  'track',
  'ready',
  'alias',
  'debug',
  'page',
  'screen',
  'once',
  'off',
  'on',
  'addSourceMiddleware',
  'addIntegrationMiddleware',
  'setAnonymousId',
  'addDestinationMiddleware',
  'register',
];
const METHODS_4 = [
  'trackSubmit',
  'trackClick',
  'trackLink',
  'trackForm',
  'pageview',
  'identify',
  'reset',
  'group',
  'track',
  'ready',
  'alias',
  'debug',
  'page',
  'once',
  'off',
  'on',
  'addSourceMiddleware',
  'addIntegrationMiddleware',
  'setAnonymousId',
  'addDestinationMiddleware',
];

/** 5.x: buffered page context on the six event methods, and the `initialized` forwarding proxy. */
export function snippet5({ apiKey, scriptUrl, loadOptions, page = true, load = true }) {
  return `!function(){var i="analytics",analytics=window[i]=window[i]||[];if(!analytics.initialize)if(analytics.invoked)window.console&&console.error&&console.error("Segment snippet included twice.");else{analytics.invoked=!0;analytics.methods=${JSON.stringify(METHODS_5)};analytics.factory=function(e){return function(){if(window[i].initialized)return window[i][e].apply(window[i],arguments);var n=Array.prototype.slice.call(arguments);if(["track","screen","alias","group","page","identify"].indexOf(e)>-1){var c=document.querySelector("link[rel='canonical']");n.push({__t:"bpc",c:c&&c.getAttribute("href")||void 0,p:location.pathname,u:location.href,s:location.search,t:document.title,r:document.referrer})}n.unshift(e);analytics.push(n);return analytics}};for(var n=0;n<analytics.methods.length;n++){var key=analytics.methods[n];analytics[key]=analytics.factory(key)}analytics.load=function(key,n){var t=document.createElement("script");t.type="text/javascript";t.async=!0;t.setAttribute("data-global-segment-analytics-key",i);t.src=${JSON.stringify(scriptUrl)};var r=document.getElementsByTagName("script")[0];r.parentNode.insertBefore(t,r);analytics._loadOptions=n};analytics._writeKey=${JSON.stringify(apiKey)};analytics.SNIPPET_VERSION="5.2.1";
  ${load ? `analytics.load(${JSON.stringify(apiKey)}, ${JSON.stringify(loadOptions ?? {})});` : ''}
  ${page ? 'analytics.page();' : ''}
  }}();`;
}

/** 4.x: plain queue entries, no page context, no forwarding proxy. */
export function snippet4({ apiKey, scriptUrl, loadOptions, page = true }) {
  return `!function(){var analytics=window.analytics=window.analytics||[];if(!analytics.initialize)if(analytics.invoked)window.console&&console.error&&console.error("Segment snippet included twice.");else{analytics.invoked=!0;analytics.methods=${JSON.stringify(METHODS_4)};analytics.factory=function(e){return function(){var t=Array.prototype.slice.call(arguments);t.unshift(e);analytics.push(t);return analytics}};for(var e=0;e<analytics.methods.length;e++){var key=analytics.methods[e];analytics[key]=analytics.factory(key)}analytics.load=function(key,e){var t=document.createElement("script");t.type="text/javascript";t.async=!0;t.src=${JSON.stringify(scriptUrl)};var n=document.getElementsByTagName("script")[0];n.parentNode.insertBefore(t,n);analytics._loadOptions=e};analytics._writeKey=${JSON.stringify(apiKey)};analytics.SNIPPET_VERSION="4.15.3";
  analytics.load(${JSON.stringify(apiKey)}, ${JSON.stringify(loadOptions ?? {})});
  ${page ? 'analytics.page();' : ''}
  }}();`;
}
