package app.plugboard.discord.fake;

import tools.jackson.databind.JsonNode;

/**
 * A REST request that reached the fake, as it arrived.
 *
 * @param method  HTTP method
 * @param path    path below {@code /api/v10/}, without the query
 * @param query   the raw query string, or empty
 * @param body    the JSON body (the {@code payload_json} part of a multipart body), or an empty object
 * @param status  the status the fake answered
 */
public record RecordedRequest(String method, String path, String query, JsonNode body, int status) {

    public boolean is(String method, String pathPrefix) {
        return this.method.equals(method) && path.startsWith(pathPrefix);
    }
}
