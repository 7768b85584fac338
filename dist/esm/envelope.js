/** The envelope's constant fields, from the page's raw SDK options (as the SDK would read them). */
function envelopeFacts(sdkOptions, nav, library, source) {
    const tracking = (sdkOptions.trackingOptions && typeof sdkOptions.trackingOptions === 'object' ? sdkOptions.trackingOptions : {});
    return {
        library,
        userAgent: nav === null || nav === void 0 ? void 0 : nav.userAgent,
        language: tracking.language === false ? undefined : nav === null || nav === void 0 ? void 0 : nav.language,
        appVersion: typeof sdkOptions.appVersion === 'string' && sdkOptions.appVersion ? sdkOptions.appVersion : undefined,
        platform: tracking.platform !== false,
        ipAddress: tracking.ipAddress !== false,
        sourceName: source.name,
        sourceVersion: source.version,
    };
}
function wireEvent(event, stamp, session, facts) {
    const wire = Object.assign(Object.assign({ device_id: stamp.deviceId, session_id: session.sessionId, time: stamp.time, insert_id: stamp.insertId, ingestion_metadata: { source_name: facts.sourceName, source_version: facts.sourceVersion } }, event), { event_id: session.eventId, library: facts.library });
    if (stamp.userId)
        wire.user_id = stamp.userId;
    if (facts.appVersion && wire.app_version === undefined)
        wire.app_version = facts.appVersion;
    if (facts.platform)
        wire.platform = 'Web';
    if (facts.language)
        wire.language = facts.language;
    if (facts.ipAddress)
        wire.ip = '$remote';
    if (facts.userAgent)
        wire.user_agent = facts.userAgent;
    return wire;
}

export { envelopeFacts, wireEvent };
