package app.plugboard.discord.fake;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A REST request as the routes see it.
 *
 * @param method         HTTP method
 * @param path           below {@code /api/v10/}, no query
 * @param query          raw query or empty
 * @param authorization  the Authorization header or null
 * @param body           JSON body, the {@code payload_json} part of multipart, or an empty object
 * @param files          multipart {@code files[n]} parts by n
 */
record RestRequest(String method, String path, String query, String authorization, JsonNode body,
                   Map<Integer, Multipart.Part> files) {

    String[] segments() {
        return path.split("/");
    }
}
