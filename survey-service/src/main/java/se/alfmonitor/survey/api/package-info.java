/**
 * The HTTP edge, one sub-package per resource: {@code submissions}, {@code units}, {@code campaigns}, {@code imports},
 * {@code questionnaires} and {@code regions}. Each holds its JAX-RS resource and the records it reads and writes (the
 * DTOs, whose simple names are the schema names of the published OpenAPI document), with the mapping between those
 * and the feature packages' domain records; {@code RegistryChangeDto}, an entry of a unit's or a campaign's history,
 * is shared by the two. Resources map HTTP to one service call and a response; rules and transactions live in the
 * features. Nothing but the application uses {@code api}.
 */
package se.alfmonitor.survey.api;
