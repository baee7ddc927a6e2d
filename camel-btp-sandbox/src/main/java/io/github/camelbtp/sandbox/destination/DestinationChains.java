package io.github.camelbtp.sandbox.destination;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The predefined destination chains the Destination Service runs itself when a find request names one with
 * {@code X-chain-name} [destination-chaining-08a09f5, predefined-destination-chains-3c82ad5]: the service calls the
 * chain's steps and answers the final destination with the tokens the last step produced; the client only sends the
 * headers and reads the result.
 * <p>
 * Implemented: {@value #SEQUENTIAL_USER_PROPAGATION} [sequential-user-propagation-chain-13f633e]. Step 1 finds the
 * destination named by {@code X-chain-var-tokenTransformationDestinationName} (with the fragment of
 * {@code X-chain-var-tokenTransformationFragmentName}, optional when
 * {@code X-chain-var-tokenTransformationFragmentOptional: true}) and runs its token flow with
 * {@code X-chain-var-userToken} as the user token; step 2 finds the destination of the request's path with the new
 * user token as {@code X-user-token}, so its own authentication decides how that token is consumed. Only the find API
 * runs chains ("Destination chaining is only applicable for requests to a Find a Destination REST API endpoint").
 * <p>
 * SAP documents no status for a chain that cannot run: an unknown chain name or a missing variable is answered 400
 * with an {@code ErrorMessage} naming it (a malformed request, as the consume API's missing level); a destination of
 * step 1 that does not exist keeps the find API's 404; a step 1 whose token flow fails is reported the service's usual
 * way for a failed token — {@code authTokens} with empty {@code type}/{@code value} and the {@code error} text.
 */
final class DestinationChains {

    /** SAP's chain that exchanges a user token for another and consumes the new one. */
    static final String SEQUENTIAL_USER_PROPAGATION = "com.sap.sequentialUserPropagation";
    static final String CHAIN_NAME = "X-chain-name";
    static final String VARIABLE = "X-chain-var-";
    static final String TRANSFORMATION_DESTINATION = "tokenTransformationDestinationName";
    static final String USER_TOKEN = "userToken";
    static final String TRANSFORMATION_FRAGMENT = "tokenTransformationFragmentName";
    static final String TRANSFORMATION_FRAGMENT_OPTIONAL = "tokenTransformationFragmentOptional";

    /** One find as the service runs it: destination name and the request headers to run it with. */
    @FunctionalInterface
    interface Find {
        DestinationService.Reply find(String name, Function<String, String> header);
    }

    private DestinationChains() {
    }

    /**
     * Runs the chain the request names for destination {@code name}.
     *
     * @param header the find request's headers
     * @param find   the service's find, run for each step without chain headers
     */
    @SuppressWarnings("unchecked")
    static DestinationService.Reply run(String chain, String name, Function<String, String> header, Find find) {
        if (!SEQUENTIAL_USER_PROPAGATION.equals(chain.trim())) {
            return DestinationService.error(400, "Unknown destination chain '" + chain.trim() + "' in " + CHAIN_NAME
                    + ". The Destination service supports only predefined chains: " + SEQUENTIAL_USER_PROPAGATION + ".");
        }
        String transformation = variable(header, TRANSFORMATION_DESTINATION);
        String userToken = variable(header, USER_TOKEN);
        for (String missing : List.of(TRANSFORMATION_DESTINATION, USER_TOKEN)) {
            if (variable(header, missing) == null) {
                return DestinationService.error(400, "Destination chain " + SEQUENTIAL_USER_PROPAGATION + " needs the"
                        + " header " + VARIABLE + missing + ", which the request does not have.");
            }
        }
        // step 1: the transformation destination's token flow with the caller's user token
        String fragment = variable(header, TRANSFORMATION_FRAGMENT);
        String fragmentOptional = variable(header, TRANSFORMATION_FRAGMENT_OPTIONAL);
        DestinationService.Reply first = find.find(transformation, h -> switch (h.toLowerCase(Locale.ROOT)) {
            case "x-user-token" -> userToken;
            case "x-fragment-name" -> fragment;
            case "x-fragment-optional" -> fragment == null ? null : fragmentOptional;
            default -> stepHeader(header, h);
        });
        if (first.status() != 200) {
            Object message = ((Map<String, Object>) first.body()).get("ErrorMessage");
            return DestinationService.error(first.status(), "Destination chain " + SEQUENTIAL_USER_PROPAGATION
                    + ", step 1 (" + VARIABLE + TRANSFORMATION_DESTINATION + " '" + transformation + "'): " + message);
        }
        List<Map<String, Object>> tokens = (List<Map<String, Object>>) ((Map<String, Object>) first.body())
                .getOrDefault("authTokens", List.of());
        String newUserToken = tokens.isEmpty() ? null : (String) tokens.get(0).get("value");
        // step 2: the destination of the path consumes the new user token, as its own authentication says
        DestinationService.Reply last = find.find(name, h -> switch (h.toLowerCase(Locale.ROOT)) {
            case "x-user-token" -> newUserToken == null || newUserToken.isEmpty() ? null : newUserToken;
            default -> stepHeader(header, h);
        });
        if (last.status() == 200 && (newUserToken == null || newUserToken.isEmpty())) {
            Map<String, Object> answer = new LinkedHashMap<>((Map<String, Object>) last.body());
            Object error = tokens.isEmpty() ? "the destination issued no token" : tokens.get(0).get("error");
            Map<String, Object> failed = new LinkedHashMap<>();
            failed.put("type", "");
            failed.put("value", "");
            failed.put("error", "Destination chain " + SEQUENTIAL_USER_PROPAGATION + ", step 1 ("
                    + TRANSFORMATION_DESTINATION + " '" + transformation + "') produced no user token: " + error);
            answer.put("authTokens", List.of(failed));
            return new DestinationService.Reply(200, answer);
        }
        return last;
    }

    /** A step's view of the request's headers: the chain's own and the fragment of the path's destination dropped. */
    private static String stepHeader(Function<String, String> header, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals(CHAIN_NAME.toLowerCase(Locale.ROOT)) || lower.startsWith(VARIABLE.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return header.apply(name);
    }

    private static String variable(Function<String, String> header, String name) {
        String value = header.apply(VARIABLE + name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
