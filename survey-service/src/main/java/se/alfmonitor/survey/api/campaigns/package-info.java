/**
 * {@code /api/campaigns}: {@code CampaignResource}, {@code CampaignDto} (mapped from {@code campaigns.Campaign}) and
 * {@code CampaignRequest} (mapped to {@code campaigns.CampaignChange}). Uses {@code campaigns} and {@code security}.
 */
package se.alfmonitor.survey.api.campaigns;
