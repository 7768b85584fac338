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

export { wireEvent };
