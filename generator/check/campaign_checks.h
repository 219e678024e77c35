#pragma once
// Checks across the campaign: notices' document numbers and dates, contacts,
// links between notices (no cycles), a child notice's table against its
// parent's allocation (the cascade), and campaign stages.
#include "content/campaign.h"
#include "core/diagnostics.h"
#include "model/site.h"

namespace fabu {

void check_campaign(const Site& site, const Campaign& campaign, DiagnosticSink& sink);

}  // namespace fabu
