package se.alfmonitor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The hostile corpus reaches every write endpoint: each row of the contract's authorization table with a method that
 * writes (PUT, POST, DELETE, PATCH) has at least one case in {@link HostileCorpus} for the same service, method and
 * path, so an endpoint added to the contract without hostile cases fails here, before anything starts.
 */
class HostileCoverageTest {

    private static final Set<String> WRITES = Set.of("PUT", "POST", "DELETE", "PATCH");

    @Test
    void everyWriteEndpointOfTheContractHasHostileCases() {
        ContractDocument contract = ContractDocument.read(ContractDocument.repositoryRoot());
        List<HostileCase> corpus = HostileCorpus.all();
        List<String> uncovered = new ArrayList<>();
        int writes = 0;
        for (ContractDocument.Access row : contract.authorization()) {
            ContractDocument.Endpoint endpoint = row.endpoint();
            if (!WRITES.contains(endpoint.method().toUpperCase())) {
                continue;
            }
            writes++;
            boolean covered = corpus.stream().anyMatch(c -> c.service().module.equals(endpoint.service())
                    && c.method().equalsIgnoreCase(endpoint.method()) && samePath(endpoint.path(), c.path()));
            if (!covered) {
                uncovered.add(endpoint.toString());
            }
        }
        assertThat(writes).as("write endpoints in the contract's authorization table").isGreaterThan(20);
        assertThat(uncovered).as("write endpoints without a hostile case").isEmpty();
    }

    /** Segment by segment, a {placeholder} on either side standing for any one segment. */
    static boolean samePath(String contractPath, String casePath) {
        String[] mine = contractPath.split("/", -1);
        String[] theirs = casePath.replaceAll("\\?.*", "").split("/", -1);
        if (mine.length != theirs.length) {
            return false;
        }
        for (int i = 0; i < mine.length; i++) {
            if (!variable(mine[i]) && !variable(theirs[i]) && !mine[i].equals(theirs[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean variable(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }
}
