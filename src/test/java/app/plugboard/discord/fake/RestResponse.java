package app.plugboard.discord.fake;

import tools.jackson.databind.JsonNode;

/**
 * What the fake answers: a status with a JSON body, no body (204), or raw bytes (attachment downloads).
 */
record RestResponse(int status, JsonNode json, byte[] raw) {

    static RestResponse ok(JsonNode json) {
        return new RestResponse(200, json, null);
    }

    static RestResponse noContent() {
        return new RestResponse(204, null, null);
    }

    static RestResponse bytes(byte[] raw) {
        return new RestResponse(200, null, raw);
    }

    /** Discord's error shape: {@code {"code": 10062, "message": "Unknown interaction"}}. */
    static RestResponse error(int status, int code, String message) {
        return new RestResponse(status, Json.object().put("code", code).put("message", message), null);
    }
}
