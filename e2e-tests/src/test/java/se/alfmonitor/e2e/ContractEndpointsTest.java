package se.alfmonitor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import se.alfmonitor.e2e.ContractDocument.Endpoint;
import se.alfmonitor.e2e.ContractDocument.Operation;

/**
 * The contract and the services agree: every endpoint {@code docs/contract.md} names is an operation of its service's
 * OpenAPI document, every operation of the four documents is named by the contract's endpoint tables and by its
 * authorization table, and that table lists exactly the endpoints of the others. The documents are the ones the
 * services' builds store ({@code <service>/target/openapi/openapi.json}, the same as each serves at
 * {@code /q/openapi}), so this runs without starting anything.
 */
class ContractEndpointsTest {

    private static List<Endpoint> tables;
    private static List<Endpoint> authorization;
    private static List<Operation> operations;

    @BeforeAll
    static void read() {
        Path root = ContractDocument.repositoryRoot();
        ContractDocument contract = ContractDocument.read(root);
        tables = contract.endpoints().stream().filter(endpoint -> !endpoint.isPage()).toList();
        authorization = contract.authorization().stream().map(ContractDocument.Access::endpoint).toList();
        operations = new ArrayList<>();
        for (String service : ContractDocument.SERVICES) {
            Path document = root.resolve(service).resolve("target/openapi/openapi.json");
            assertThat(document).as("the OpenAPI document the build of " + service + " stores; build the services "
                    + "first (-pl e2e-tests -am)").exists();
            operations.addAll(ContractDocument.operations(service, ContractDocument.readJson(document)));
        }
    }

    @Test
    void everyEndpointOfTheContractIsServed() {
        List<String> missing = new ArrayList<>();
        for (Endpoint endpoint : union(tables, authorization)) {
            if (operations.stream().noneMatch(op -> endpoint.matches(op.service(), op.method(), op.path()))) {
                missing.add(endpoint.toString());
            }
        }
        assertThat(tables).as("endpoints in the contract's tables").hasSizeGreaterThan(50);
        assertThat(missing).as("endpoints of the contract that no OpenAPI document has").isEmpty();
    }

    @Test
    void everyOperationOfTheServicesIsInTheContract() {
        List<String> undocumented = new ArrayList<>();
        List<String> withoutAccess = new ArrayList<>();
        for (Operation op : operations) {
            if (tables.stream().noneMatch(endpoint -> endpoint.matches(op.service(), op.method(), op.path()))) {
                undocumented.add(op.toString());
            }
            if (authorization.stream().noneMatch(endpoint -> endpoint.matches(op.service(), op.method(), op.path()))) {
                withoutAccess.add(op.toString());
            }
        }
        assertThat(operations).as("operations of the four OpenAPI documents").hasSizeGreaterThan(50);
        assertThat(undocumented).as("operations no endpoint table of the contract names").isEmpty();
        assertThat(withoutAccess).as("operations the contract's authorization table does not list").isEmpty();
    }

    @Test
    void theAuthorizationTableListsTheEndpointsOfTheTablesEachOnce() {
        Set<String> fromTables = new TreeSet<>(tables.stream().map(ContractEndpointsTest::shape).toList());
        List<String> fromAuthorization = authorization.stream().map(ContractEndpointsTest::shape).toList();
        assertThat(fromAuthorization).as("rows of the authorization table").doesNotHaveDuplicates();
        assertThat(new TreeSet<>(fromAuthorization)).isEqualTo(fromTables);
    }

    @Test
    void aContractPathMatchesOnlyTheOperationOfItsServiceMethodAndShape() {
        Endpoint population = new Endpoint("indicator-service", "PUT", "/api/reference/population/{year}");
        assertThat(population.matches("indicator-service", "PUT", "/api/reference/{kind}/{year}")).isTrue();
        assertThat(population.matches("indicator-service", "GET", "/api/reference/{kind}/{year}")).isFalse();
        assertThat(population.matches("reporting-service", "PUT", "/api/reference/{kind}/{year}")).isFalse();
        assertThat(population.matches("indicator-service", "PUT", "/api/reference/{kind}")).isFalse();
        assertThat(population.matches("indicator-service", "PUT", "/api/reference/cancer-incidence/{year}"))
                .isFalse();
    }

    /** An endpoint with its path variables unnamed: the tables and the authorization table may name them apart. */
    private static String shape(Endpoint endpoint) {
        return endpoint.service() + " " + endpoint.method() + " " + endpoint.path().replaceAll("\\{[^}]*}", "{}");
    }

    private static List<Endpoint> union(List<Endpoint> first, List<Endpoint> second) {
        List<Endpoint> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
