namespace Engage.Analysis.Sentiment;

/// <summary>
/// Engage's own word list for comments about health and care services, work, training and education,
/// written for Engage rather than taken from a general-purpose lexicon. Valences run from −3 (strongly
/// negative) to +3. Words that are neutral in these settings are left out on purpose: "patient" and
/// "care" are nouns here, "improved" appears as often in "could be improved" as in praise. Asking for
/// change ("improve", "should") is mildly negative, because in feedback it is a criticism.
/// </summary>
internal static class SentimentLexicon
{
    public static readonly Dictionary<string, double> Valence = new(StringComparer.Ordinal)
    {
        // Strong praise.
        ["excellent"] = 3, ["outstanding"] = 3, ["fantastic"] = 3, ["brilliant"] = 3, ["amazing"] = 3,
        ["wonderful"] = 3, ["superb"] = 3, ["exceptional"] = 3, ["perfect"] = 3, ["marvellous"] = 3,
        ["incredible"] = 3, ["awesome"] = 3, ["fabulous"] = 3, ["first-class"] = 3, ["faultless"] = 3,
        ["exemplary"] = 3, ["terrific"] = 3, ["phenomenal"] = 3, ["best"] = 2.5, ["love"] = 2.5,
        ["loved"] = 2.5, ["fab"] = 2.5, ["brill"] = 2.5, ["impeccable"] = 3, ["perfection"] = 3, ["delightful"] = 2.5, ["upbeat"] = 1.5, ["hard-working"] = 2, ["proud"] = 2, ["remarkable"] = 2.5,
        ["lifesaver"] = 3, ["angels"] = 2.5, ["angel"] = 2.5, ["stars"] = 2, ["heroes"] = 2.5,
        ["thank"] = 2, ["thanks"] = 2, ["thankyou"] = 2, ["grateful"] = 2.5, ["thankful"] = 2.5,

        // Praise of people and service.
        ["good"] = 2, ["great"] = 2.5, ["lovely"] = 2.5, ["nice"] = 2, ["kind"] = 2, ["kindness"] = 2.5,
        ["caring"] = 2.5, ["cared"] = 1.5, ["compassionate"] = 2.5, ["compassion"] = 2, ["friendly"] = 2,
        ["helpful"] = 2, ["supportive"] = 2, ["support"] = 1, ["supported"] = 1.5, ["professional"] = 2,
        ["professionalism"] = 2, ["efficient"] = 2, ["polite"] = 2, ["courteous"] = 2, ["respectful"] = 2,
        ["respected"] = 1.5, ["respect"] = 1, ["attentive"] = 2, ["thorough"] = 1.5, ["reassuring"] = 2,
        ["reassured"] = 1.5, ["reassurance"] = 1.5, ["informative"] = 1.5, ["knowledgeable"] = 2,
        ["skilled"] = 1.5, ["skilful"] = 1.5, ["competent"] = 1.5, ["expert"] = 1.5, ["dedicated"] = 2,
        ["hardworking"] = 2, ["diligent"] = 1.5, ["approachable"] = 2, ["considerate"] = 2, ["gentle"] = 2,
        ["warm"] = 1.5, ["welcoming"] = 2, ["cheerful"] = 2, ["pleasant"] = 2, ["accommodating"] = 2,
        ["understanding"] = 1.5, ["empathetic"] = 2, ["sympathetic"] = 1.5, ["encouraging"] = 2,
        ["patience"] = 1.5, ["responsive"] = 1.5, ["reliable"] = 1.5, ["trustworthy"] = 1.5, ["honest"] = 1.5,
        ["genuine"] = 1.5, ["listened"] = 1, ["listens"] = 1, ["explained"] = 0.5, ["clear"] = 1, ["clearly"] = 1,
        ["well-organised"] = 2, ["organised"] = 1.5, ["organized"] = 1.5, ["smooth"] = 1.5, ["smoothly"] = 1.5,
        ["seamless"] = 2, ["prompt"] = 1.5, ["promptly"] = 1.5, ["quick"] = 1, ["quickly"] = 1, ["fast"] = 1,
        ["speedy"] = 1.5, ["timely"] = 1.5, ["punctual"] = 1.5, ["easy"] = 1.5, ["easily"] = 1, ["simple"] = 1,
        ["convenient"] = 1.5, ["accessible"] = 1, ["flexible"] = 1.5, ["clean"] = 1.5, ["spotless"] = 2.5,
        ["tidy"] = 1.5, ["hygienic"] = 1.5, ["comfortable"] = 1.5, ["comfort"] = 1, ["calm"] = 1, ["relaxed"] = 1.5,
        ["relaxing"] = 1.5, ["quiet"] = 0.5, ["safe"] = 1.5, ["safer"] = 1, ["useful"] = 1.5, ["valuable"] = 2,
        ["beneficial"] = 1.5, ["benefit"] = 1, ["effective"] = 1.5, ["worthwhile"] = 2, ["positive"] = 1.5,
        ["recommend"] = 2, ["recommended"] = 1.5, ["impressed"] = 2, ["impressive"] = 2, ["pleased"] = 2,
        ["happy"] = 2, ["happier"] = 1.5, ["glad"] = 1.5, ["satisfied"] = 1.5, ["content"] = 1,
        ["delighted"] = 2.5, ["enjoyed"] = 2, ["enjoy"] = 1.5, ["enjoyable"] = 2, ["fun"] = 1.5, ["appreciate"] = 2,
        ["appreciated"] = 2, ["appreciative"] = 2, ["well"] = 0.5, ["fine"] = 1, ["ok"] = 0.5, ["okay"] = 0.5,
        ["better"] = 1, ["success"] = 2, ["successful"] = 2, ["fair"] = 1, ["value"] = 0.5,
        ["valued"] = 2, ["dignity"] = 1, ["dignified"] = 1.5, ["privacy"] = 0.5, ["helped"] = 1.5, ["helping"] = 1,
        ["help"] = 0.5, ["saved"] = 1.5, ["recovery"] = 0.5, ["welcome"] = 1.5, ["welcomed"] = 1.5,

        // Work, training and education.
        ["inspiring"] = 2.5, ["inspired"] = 2, ["inspirational"] = 2.5, ["motivated"] = 1.5, ["motivating"] = 2,
        ["engaging"] = 2, ["engaged"] = 1, ["interesting"] = 1.5, ["informed"] = 1, ["insightful"] = 2,
        ["rewarding"] = 2, ["fulfilling"] = 2, ["productive"] = 1.5, ["relevant"] = 1, ["practical"] = 1,
        ["well-run"] = 2, ["well-structured"] = 2, ["empowered"] = 2, ["empowering"] = 2, ["learnt"] = 0.5,
        ["learned"] = 0.5, ["confident"] = 1.5, ["confidence"] = 1, ["opportunity"] = 1, ["opportunities"] = 1,
        ["progress"] = 1, ["teamwork"] = 1.5, ["collaborative"] = 1.5, ["trust"] = 1, ["trusted"] = 1.5,

        // Criticism of people and service.
        ["bad"] = -2, ["poor"] = -2, ["poorly"] = -2, ["terrible"] = -3, ["awful"] = -3, ["horrible"] = -3,
        ["dreadful"] = -3, ["appalling"] = -3, ["disgusting"] = -3, ["disgraceful"] = -3, ["disgrace"] = -3,
        ["shocking"] = -2.5, ["horrendous"] = -3, ["atrocious"] = -3, ["abysmal"] = -3, ["diabolical"] = -3,
        ["shambles"] = -2.5, ["worst"] = -3, ["worse"] = -2, ["unacceptable"] = -2.5, ["pathetic"] = -2.5,
        ["ridiculous"] = -2, ["nightmare"] = -2.5, ["hopeless"] = -2.5, ["useless"] = -2.5, ["rubbish"] = -2.5,
        ["rude"] = -2.5, ["unhelpful"] = -2, ["unprofessional"] = -2.5, ["uncaring"] = -2.5, ["unkind"] = -2,
        ["unfriendly"] = -2, ["impolite"] = -2, ["dismissive"] = -2, ["dismissed"] = -1.5, ["arrogant"] = -2,
        ["disrespectful"] = -2.5, ["patronising"] = -2, ["patronizing"] = -2, ["condescending"] = -2,
        ["abrupt"] = -1.5, ["impatient"] = -1.5, ["cold"] = -1, ["curt"] = -1.5, ["aggressive"] = -2,
        ["abusive"] = -3, ["cruel"] = -3, ["insensitive"] = -2, ["ignored"] = -2, ["ignore"] = -1.5,
        ["neglect"] = -2.5, ["neglected"] = -2.5, ["careless"] = -2, ["incompetent"] = -2.5, ["incompetence"] = -2.5,
        ["inadequate"] = -2, ["insufficient"] = -1.5, ["unsafe"] = -2.5, ["dangerous"] = -2.5, ["negligent"] = -3,
        ["mistake"] = -1.5, ["mistakes"] = -1.5, ["error"] = -1.5, ["wrong"] = -1.5, ["wrongly"] = -1.5,
        ["failed"] = -2, ["fail"] = -1.5, ["failure"] = -2, ["failing"] = -2, ["lost"] = -1.5, ["missing"] = -1,
        ["cancelled"] = -1.5, ["canceled"] = -1.5, ["cancellation"] = -1.5, ["cancellations"] = -1.5,
        ["refused"] = -2, ["rushed"] = -1.5, ["chaotic"] = -2, ["chaos"] = -2, ["disorganised"] = -2,
        ["disorganized"] = -2, ["mess"] = -2, ["messy"] = -1.5, ["unreliable"] = -2, ["inconsistent"] = -1.5,
        ["unresponsive"] = -2, ["unclear"] = -1.5, ["confusing"] = -1.5, ["confused"] = -1.5, ["confusion"] = -1.5,
        ["misleading"] = -2, ["misinformed"] = -1.5, ["lied"] = -2.5, ["lies"] = -2.5,
        ["incorrect"] = -1.5, ["inaccurate"] = -1.5, ["loud"] = -1, ["sorted"] = 1,

        // Waiting, access and the place itself.
        ["wait"] = -1, ["waited"] = -1, ["waiting"] = -0.5, ["delay"] = -1.5, ["delays"] = -1.5,
        ["delayed"] = -1.5, ["slow"] = -1.5, ["slowly"] = -1, ["late"] = -1, ["overdue"] = -1.5,
        ["queue"] = -0.5, ["queues"] = -1, ["overcrowded"] = -2, ["crowded"] = -1.5, ["busy"] = -0.5,
        ["understaffed"] = -2, ["short-staffed"] = -2, ["overstretched"] = -1.5, ["overworked"] = -1.5,
        ["dirty"] = -2.5, ["filthy"] = -3, ["smelly"] = -2, ["smelt"] = -1, ["noisy"] = -1.5, ["noise"] = -1,
        ["uncomfortable"] = -1.5, ["cramped"] = -1.5, ["broken"] = -1.5, ["expensive"] = -1.5, ["costly"] = -1.5,
        ["inconvenient"] = -1.5, ["difficult"] = -1.5, ["difficulty"] = -1.5, ["difficulties"] = -1.5, ["hard"] = -0.5,
        ["impossible"] = -2, ["unable"] = -1, ["inaccessible"] = -2, ["lack"] = -1.5, ["lacking"] = -1.5,
        ["shortage"] = -1.5, ["cuts"] = -1, ["unfair"] = -2, ["unfairly"] = -2,

        // How the person felt.
        ["upset"] = -2, ["upsetting"] = -2, ["distress"] = -2, ["distressed"] = -2, ["distressing"] = -2.5,
        ["frustrated"] = -2, ["frustrating"] = -2, ["frustration"] = -2, ["angry"] = -2.5, ["anger"] = -2,
        ["annoyed"] = -1.5, ["annoying"] = -1.5, ["disappointed"] = -2, ["disappointing"] = -2,
        ["disappointment"] = -2, ["unhappy"] = -2, ["sad"] = -1.5, ["scared"] = -1.5, ["afraid"] = -1.5,
        ["frightened"] = -2, ["fear"] = -1.5, ["worried"] = -1.5, ["worry"] = -1, ["worrying"] = -1.5,
        ["anxious"] = -1.5, ["anxiety"] = -1, ["stress"] = -1.5, ["stressed"] = -1.5, ["stressful"] = -2,
        ["embarrassed"] = -1.5, ["humiliated"] = -2.5, ["humiliating"] = -2.5, ["helpless"] = -2,
        ["lonely"] = -1.5, ["isolated"] = -1.5, ["ashamed"] = -2, ["shame"] = -1.5, ["disgusted"] = -2.5,
        ["horrified"] = -2.5, ["pain"] = -1, ["painful"] = -1.5, ["hurt"] = -1.5, ["suffering"] = -2,
        ["suffered"] = -2, ["struggle"] = -1.5, ["struggled"] = -1.5, ["struggling"] = -1.5, ["overwhelmed"] = -1.5,
        ["unwelcome"] = -2, ["unsupported"] = -2, ["undervalued"] = -2, ["sorry"] = -0.5,

        // Complaints and requests for change.
        ["complaint"] = -1.5, ["complaints"] = -1.5, ["complain"] = -1.5, ["complained"] = -1.5, ["problem"] = -1.5,
        ["problems"] = -1.5, ["issue"] = -1, ["issues"] = -1, ["trouble"] = -1.5, ["concern"] = -1, ["concerns"] = -1,
        ["concerned"] = -1, ["fault"] = -1.5, ["faults"] = -1.5, ["blame"] = -1.5, ["improve"] = -0.5,
        ["improvement"] = -0.5, ["improvements"] = -0.5, ["should"] = -0.5,

        // Work, training and education.
        ["boring"] = -2, ["bored"] = -1.5, ["tedious"] = -1.5, ["pointless"] = -2, ["irrelevant"] = -1.5,
        ["outdated"] = -1.5, ["waste"] = -2, ["wasted"] = -2, ["wasting"] = -2, ["bullying"] = -3, ["bullied"] = -3,
        ["harassment"] = -3, ["discrimination"] = -2.5, ["burnout"] = -2, ["exhausted"] = -1.5, ["exhausting"] = -1.5,
        ["demotivated"] = -2, ["demoralised"] = -2, ["underpaid"] = -1.5, ["toxic"] = -2.5, ["micromanaged"] = -2,
    };

    /// <summary>
    /// Phrases read as one unit before their words are looked up: "hard" criticises but "hard working"
    /// praises; "long" says nothing alone but "long wait" complains.
    /// </summary>
    public static readonly Dictionary<string, double> Phrases = new(StringComparer.Ordinal)
    {
        ["hard working"] = 2, ["work hard"] = 1.5, ["works hard"] = 1.5, ["worked hard"] = 1.5,
        ["work so hard"] = 2, ["works so hard"] = 2, ["worked so hard"] = 2, ["more than happy"] = 2.5, ["well done"] = 2, ["top notch"] = 2.5, ["spot on"] = 2, ["above and beyond"] = 3,
        ["over and above"] = 2.5, ["looked after"] = 1.5, ["straight away"] = 1, ["on time"] = 1, ["put at ease"] = 2,
        ["long wait"] = -1.5, ["long waits"] = -1.5, ["long time"] = -0.5, ["too long"] = -1.5, ["very long"] = -1.5,
        ["waiting list"] = -1, ["waiting lists"] = -1, ["waiting time"] = -1, ["waiting times"] = -1,
        ["let down"] = -2, ["fell through"] = -1.5, ["fobbed off"] = -2, ["passed around"] = -1.5,
    };

    /// <summary>First words of the phrases, so most words skip the phrase look-up.</summary>
    public static readonly HashSet<string> PhraseStarts = Phrases.Keys.Select(p => p[..p.IndexOf(' ')]).ToHashSet(StringComparer.Ordinal);

    /// <summary>Words that turn the meaning of what follows (within a few words) around.</summary>
    public static readonly HashSet<string> Negators = new(StringComparer.Ordinal)
    {
        "not", "no", "never", "nothing", "none", "nobody", "neither", "nor", "without", "hardly", "barely",
        "dont", "doesnt", "didnt", "isnt", "wasnt", "werent", "arent", "aint", "havent", "hasnt", "hadnt",
        "wont", "wouldnt", "shouldnt", "cannot", "cant", "couldnt", "mustnt", "neednt", "lack", "lacking", "noone", "no-one",
    };

    /// <summary>
    /// Negated modals before a comparative praise instead of criticising: "couldn't be better",
    /// "can't thank them enough", "nothing was too much trouble" is handled by plain negation.
    /// </summary>
    public static readonly HashSet<string> ModalNegators = new(StringComparer.Ordinal)
    {
        "cant", "cannot", "couldnt", "wouldnt",
    };

    /// <summary>
    /// Negators that, in answers to "what could be improved?", deny only what is wrong: "nothing wrong",
    /// "nothing was too much trouble". Praise after them starts a new statement ("Nothing, been happy
    /// with everything" is often written without the comma).
    /// </summary>
    public static readonly HashSet<string> DenyOnlyComplaints = new(StringComparer.Ordinal) { "nothing", "none" };

    /// <summary>Modals that make a following comparative a wish for change: "could be better", "would be nicer".</summary>
    public static readonly HashSet<string> Hypotheticals = new(StringComparer.Ordinal)
    {
        "could", "would", "should", "might",
    };

    public static readonly HashSet<string> Comparatives = new(StringComparer.Ordinal)
    {
        "better", "more", "enough", "happier", "nicer", "kinder", "quicker", "faster", "sooner", "clearer",
        "easier", "cleaner", "safer",
    };

    /// <summary>Feelings that stay praise in a wish: "would be happy to recommend", unlike "would be nice to have".</summary>
    public static readonly HashSet<string> WishProof = new(StringComparer.Ordinal) { "happy", "glad", "pleased", "delighted", "recommend", "proud" };

    /// <summary>Thanks stay thanks under a nearby negation ("can't thank you enough", "no thanks needed").</summary>
    public static readonly HashSet<string> NegationProof = new(StringComparer.Ordinal)
    {
        "thank", "thanks", "thankyou", "grateful",
    };

    /// <summary>Multipliers for the next sentiment word: intensifiers above 1, downtoners below.</summary>
    public static readonly Dictionary<string, double> Degree = new(StringComparer.Ordinal)
    {
        ["very"] = 1.5, ["extremely"] = 1.8, ["really"] = 1.3, ["so"] = 1.4, ["incredibly"] = 1.8,
        ["absolutely"] = 1.7, ["totally"] = 1.5, ["completely"] = 1.5, ["utterly"] = 1.8, ["highly"] = 1.5,
        ["truly"] = 1.4, ["particularly"] = 1.3, ["exceptionally"] = 1.8, ["super"] = 1.5, ["most"] = 1.4,
        ["too"] = 1.3, ["hugely"] = 1.6, ["immensely"] = 1.7, ["thoroughly"] = 1.5, ["genuinely"] = 1.3,
        ["amazingly"] = 1.6, ["exceedingly"] = 1.7, ["remarkably"] = 1.5, ["deeply"] = 1.5, ["always"] = 1.2,
        ["slightly"] = 0.5, ["somewhat"] = 0.6, ["fairly"] = 0.7, ["quite"] = 0.8, ["rather"] = 0.8,
        ["bit"] = 0.6, ["little"] = 0.6, ["reasonably"] = 0.7, ["partly"] = 0.6, ["mostly"] = 0.8,
        ["occasionally"] = 0.6, ["sometimes"] = 0.7,
    };

    /// <summary>Contrast: the clause after "but" says what the writer means, the clause before less so.</summary>
    public static readonly HashSet<string> Contrasts = new(StringComparer.Ordinal) { "but", "however", "except" };

    /// <summary>Concession: the clause these open is given way to ("although the wait was long, …").</summary>
    public static readonly HashSet<string> Concessions = new(StringComparer.Ordinal) { "although", "despite", "though" };

    public static readonly Dictionary<string, double> Emoticons = new(StringComparer.Ordinal)
    {
        [":)"] = 2, [":-)"] = 2, [":d"] = 2.5, [":-d"] = 2.5, [";)"] = 1.5, ["=)"] = 2, [":("] = -2, [":-("] = -2,
        [":/"] = -1, [":-/"] = -1, [":'("] = -2.5,
        ["😊"] = 2, ["🙂"] = 1.5, ["😀"] = 2, ["😃"] = 2, ["😄"] = 2, ["😁"] = 2, ["😍"] = 3, ["🥰"] = 3,
        ["👍"] = 2, ["👏"] = 2, ["❤"] = 2.5, ["♥"] = 2.5, ["💕"] = 2.5, ["🙏"] = 1.5, ["⭐"] = 1.5, ["🌟"] = 2,
        ["🙁"] = -1.5, ["☹"] = -2, ["😞"] = -2, ["😢"] = -2, ["😭"] = -2.5, ["😡"] = -3, ["😠"] = -2.5, ["👎"] = -2,
    };
}
