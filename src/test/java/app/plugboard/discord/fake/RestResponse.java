package app.plugboard.discord.fake;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What the fake answers: a status with a JSON body, and the headers that go with it. */
record RestResponse(int status, JsonNode json, Map<String, String> headers) {

    static RestResponse ok(JsonNode json) {
        return new RestResponse(200, json, Map.of());
    }

    /** Discord's error shape: {@code {"code": 10062, "message": "Unknown interaction"}}. */
    static RestResponse error(int status, int code, String message) {
        return new RestResponse(status, Json.object().put("code", code).put("message", message), Map.of());
    }

    /**
     * Discord's 429 for a per-route limit, with its headers: {@code Retry-After} in whole seconds, and {@code Via},
     * which Discord's own answers carry (JDA takes a 429 without it for Cloudflare's, which holds every route).
     */
    static RestResponse rateLimited(int retryAfterSeconds) {
        JsonNode body = Json.object().put("message", "You are being rate limited.")
                .put("retry_after", (double) retryAfterSeconds).put("global", false);
        return new RestResponse(429, body, Map.of("Retry-After", Integer.toString(retryAfterSeconds),
                "X-RateLimit-Scope", "user", "Via", "1.1 google"));
    }
}
