// Hosts read their settings from process-wide environment variables when they start (Program reads
// configuration while building), so collections that start hosts with different settings (an outage
// cluster, an SMTP server) must not overlap. The whole suite runs in well under a minute this way.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
