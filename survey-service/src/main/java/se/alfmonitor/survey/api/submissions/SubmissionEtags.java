package se.alfmonitor.survey.api.submissions;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Sends the concurrency token of a submission as the {@code ETag} header of every response that carries one (a read,
 * a draft, a submit, an amendment, a return), so that a client can send it back as {@code If-Match}.
 */
public class SubmissionEtags {

    @ServerResponseFilter
    public void etag(ContainerResponseContext response) {
        if (response.getEntity() instanceof SubmissionDto submission && submission.etag() != null) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, "\"" + submission.etag() + "\"");
        }
    }
}
