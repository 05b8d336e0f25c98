package app.plugboard.discord.fake;

import tools.jackson.databind.JsonNode;

/**
 * A REST request as the routes see it.
 *
 * @param method         HTTP method
 * @param path           below {@code /api/v10/}, no query
 * @param query          raw query or empty
 * @param authorization  the Authorization header or null
 * @param body           the JSON body, or an empty object
 */
record RestRequest(String method, String path, String query, String authorization, JsonNode body) {

    String[] segments() {
        return path.split("/");
    }
}
