package dev.crashlab.scenarios.cli;

import dev.crashlab.scenarios.campaign.CampaignConfig;

/** The smallest piece of a campaign a shard gets: one store target, or the cache protocols together. */
record Unit(String name, CampaignConfig config) {
}
