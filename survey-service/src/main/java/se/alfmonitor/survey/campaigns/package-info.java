/**
 * Campaigns: {@code CampaignService} creates, replaces, reads and locks them ({@code Campaign},
 * {@code CampaignChange}), says whether one still takes writes and which questionnaire definition it is answered
 * with. Locking a campaign locks its submitted submissions in the same transaction. Uses {@code questionnaire},
 * {@code persistence} and {@code security}; used by {@code submissions} and {@code imports}.
 */
package se.alfmonitor.survey.campaigns;
