// Generated from config/ssi-log.toml by `make embed-config`; a test checks they match.
enum DefaultConfiguration {
    /// The documented defaults, parsed at start exactly as a user file would be.
    static let text = #"""
        # ssi-log configuration.
        #
        # Every key below is a built-in default: the daemon behaves exactly like this without any file.
        # Copy this file to ~/.config/ssi-log/config.toml and change what you like; keys you leave out
        # keep these values, tables you add (a new [actions.NAME]) extend the catalog.
        # Unknown keys, negative weights and actions without a pillar are refused at start.

        [score]
        # Activity loses half its weight every half_life_days.
        half_life_days = 14.0
        # Activity older than window_days counts for nothing.
        window_days = 90
        # Local time zone for days, caps, goals and history ("" = the system's, else e.g. "Europe/Lisbon").
        timezone = ""

        # Each pillar is 25 x (1 - e^(-raw / scale)): the raw points at which it reaches 63 % of 25.
        [pillars.brand]
        scale = 25.0
        [pillars.find]
        scale = 20.0
        [pillars.engage]
        scale = 25.0
        [pillars.relationships]
        scale = 25.0

        # Days with at least one action of your own, among the last window_days.
        [active_days]
        pillar = "find"
        points_per_day = 0.5
        window_days = 28

        # Non-decaying inputs. curve "linear": points x count; "log2": points x log2(1 + weighted count).
        [tallies.profile]
        pillar = "brand"
        points = 2.0
        curve = "linear"
        sections = ["headline", "summary", "photo", "banner", "experience", "featured", "skills"]

        [tallies.followers]
        pillar = "brand"
        points = 0.8
        curve = "log2"

        [tallies.endorsements]
        pillar = "brand"
        points = 0.8
        curve = "log2"

        [tallies.network]
        pillar = "relationships"
        points = 1.5
        curve = "log2"
        # A decision-maker (VP and up) counts three times, a coworker half.
        tag_weights = { decision-maker = 3.0, internal = 0.5 }

        # Smoothed rates: (hits + prior x prior_weight) / (tries + prior_weight), x points.
        # A try enters the denominator delay_days after it happened.
        [rates.reply_rate]
        pillar = "engage"
        points = 6.0
        numerator = ["reply"]
        denominator = ["message"]
        delay_days = 7.0
        prior = 0.3
        prior_weight = 5.0

        [rates.acceptance_rate]
        pillar = "relationships"
        points = 8.0
        numerator = ["accepted"]
        denominator = ["accepted", "declined", "withdrawn"]
        delay_days = 0.0
        prior = 0.5
        prior_weight = 5.0

        # The catalog. points: activity points per unit before decay; daily_cap: units per local day that
        # earn points; tally: the non-decaying tally the action also adds to; active: whether it makes the
        # day an active day (things others do to you do not).
        [actions.profile]
        pillar = "brand"
        points = 0.0
        daily_cap = 0
        tally = "profile"
        summary = "completed a profile section (--section headline|summary|photo|banner|experience|featured|skills)"

        [actions.post]
        pillar = "brand"
        points = 3.0
        daily_cap = 2
        summary = "published a post"

        [actions.article]
        pillar = "brand"
        points = 5.0
        daily_cap = 1
        summary = "published an article"

        [actions.endorsement]
        pillar = "brand"
        points = 0.0
        daily_cap = 0
        tally = "endorsements"
        active = false
        summary = "received an endorsement (--count N)"

        [actions.follower]
        pillar = "brand"
        points = 0.0
        daily_cap = 0
        tally = "followers"
        active = false
        summary = "gained followers (--count N)"

        [actions.post-engagement]
        pillar = "brand"
        points = 0.2
        daily_cap = 50
        active = false
        summary = "engagement received on your posts (--count N)"

        [actions.search]
        pillar = "find"
        points = 0.5
        daily_cap = 10
        summary = "ran a people search"

        [actions.profile-view]
        pillar = "find"
        points = 0.4
        daily_cap = 20
        summary = "viewed a profile"

        [actions.prospect-view]
        pillar = "find"
        points = 0.8
        daily_cap = 15
        summary = "viewed a prospect outside your network"

        [actions.lead-save]
        pillar = "find"
        points = 1.0
        daily_cap = 10
        summary = "saved a lead"

        [actions.account-save]
        pillar = "find"
        points = 1.0
        daily_cap = 5
        summary = "saved an account"

        [actions.inbound-view]
        pillar = "find"
        points = 0.3
        daily_cap = 20
        active = false
        summary = "someone viewed your profile or invited you (--count N)"

        [actions.comment]
        pillar = "engage"
        points = 1.0
        daily_cap = 10
        summary = "commented on a post"

        [actions.like]
        pillar = "engage"
        points = 0.2
        daily_cap = 20
        summary = "liked a post"

        [actions.share]
        pillar = "engage"
        points = 0.8
        daily_cap = 5
        summary = "shared a post"

        [actions.group-join]
        pillar = "engage"
        points = 1.0
        daily_cap = 2
        summary = "joined a group"

        [actions.group-post]
        pillar = "engage"
        points = 1.5
        daily_cap = 3
        summary = "posted in a group"

        [actions.hashtag-follow]
        pillar = "engage"
        points = 0.3
        daily_cap = 5
        summary = "followed a hashtag"

        [actions.message]
        pillar = "engage"
        points = 0.6
        daily_cap = 15
        summary = "sent a message"

        [actions.reply]
        pillar = "engage"
        points = 0.5
        daily_cap = 15
        active = false
        summary = "received a reply to your message"

        [actions.connect]
        pillar = "relationships"
        points = 0.6
        daily_cap = 15
        summary = "sent a connection request"

        [actions.accepted]
        pillar = "relationships"
        points = 0.5
        daily_cap = 20
        tally = "network"
        active = false
        summary = "a request you sent was accepted (adds to your network)"

        [actions.declined]
        pillar = "relationships"
        points = 0.0
        daily_cap = 0
        active = false
        summary = "a request you sent was declined"

        [actions.withdrawn]
        pillar = "relationships"
        points = 0.0
        daily_cap = 0
        summary = "you withdrew a pending request"

        [actions.connection]
        pillar = "relationships"
        points = 0.3
        daily_cap = 20
        tally = "network"
        summary = "a new connection (--tag decision-maker for VP and up, --tag internal for a coworker)"

        # Daily targets for `ssi-log today`.
        [goals]
        streak_days = 7
        actions = { comment = 3, connect = 5, profile-view = 10, message = 3, post = 1 }

        # Score-drop alerts in the systemd journal.
        [alerts]
        # Alert when the total or a pillar falls this many points below its peak since the last alert.
        threshold = 2.0
        # At most one alert per pillar in this many minutes.
        min_interval_minutes = 360
        # Re-evaluate the score this often when nothing happens (and at local midnight).
        check_every_minutes = 15
        # No alerts in these local hours ("" for none), e.g. "22:00-07:00".
        quiet_hours = "22:00-07:00"
        # Also write one PRIORITY=6 journal entry per logged event.
        log_events = true
        # The weekly word (PRIORITY=5) about the last complete week: local weekday ("" for none) and hour.
        weekly_day = "monday"
        weekly_hour = 9

        [daemon]
        # Most clients connected at once; more are refused.
        max_connections = 512
        # Seconds a connection may stay idle, and may take to send one request line.
        idle_timeout_seconds = 300
        frame_timeout_seconds = 10
        # Events waiting for the disk at most; more are refused with "retry later" (back-pressure).
        max_pending_events = 4096

        [metrics]
        # A Prometheus text file for node_exporter's textfile collector (opt-in): an absolute path ending in
        # .prom, or "" for none. It is replaced atomically after changes and at every alert check.
        textfile = ""
        # The `user` label on every series ("" for the login name), so that many users' files can share one
        # collector directory.
        user = ""
        # Rewrite the file at most this often after changes, in seconds.
        interval_seconds = 5

        """#
}
