# ruff: noqa: E501
"""The reports of the bilingual linking set, written by hand for the project (see README.md).

Each incident is `(cluster name, [report, ...])`; a report is
`(language, publisher, published or None, title, text)`. The places and parties are real; the
incidents, people and figures are composed for testing and describe no real event.
"""

from __future__ import annotations

Report = tuple[str, str, str | None, str, str]

INCIDENTS: list[tuple[str, list[Report]]] = [
    # --- US-led coalition ---------------------------------------------------------------------
    (
        "coalition-mayadin-2017-05-14",
        [
            ("ar", "شبكة الميادين الإخبارية", "2017-05-14", "غارات على الميادين",
             "#عاجل | الميادين: مقتل تسعة مدنيين بينهم أربعة أطفال جراء غارة جوية لطيران التحالف الدولي استهدفت منزلاً قرب سوق الهال في مدينة الميادين بريف دير الزور الشرقي مساء اليوم الأحد. فرق الأهالي ما زالت تبحث عن مفقودين تحت الأنقاض."),
            ("en", "Reuters", "2017-05-15", "Coalition strike kills nine civilians in Syria's Mayadin - monitor",
             "BEIRUT (Reuters) - An air strike by the U.S.-led coalition killed nine civilians, four of them children, in the Islamic State-held town of Mayadin in eastern Syria on Sunday evening, a war monitor said on Monday. The strike hit a house near the town's vegetable market in Deir ez-Zor province. The coalition said it was looking into the report."),
        ],
    ),
    (
        "coalition-raqqa-2017-08-21",
        [
            ("ar", "المرصد السوري لحقوق الإنسان", "2017-08-21", "مجزرة في حي البدو",
             "المرصد السوري: ارتفع إلى 14 عدد المدنيين الذين قضوا جراء ضربات نفذتها طائرات التحالف الدولي على حي البدو في مدينة الرقة يوم 21 آب/أغسطس 2017، والعدد مرشح للارتفاع بسبب وجود جرحى بحالات خطرة."),
            ("en", "Raqqa Civil Rights Monitor", "2017-08-29", "Incident note: al-Badu, Raqqa, 21 August 2017",
             "On 21 August 2017, coalition aircraft struck residential buildings in the al-Badu neighbourhood of Raqqa city. Our field team documented the deaths of 14 civilians, among them five women, and more than 20 wounded. Families had been unable to leave because of fighting on the roads south of the city."),
        ],
    ),
    (
        "coalition-tal-afar-2017-08-24",
        [
            ("ar", "وكالة الأنباء العراقية", "2017-08-24", "ضحايا مدنيون في تلعفر",
             "نينوى - أفاد مصدر محلي في قضاء تلعفر بمقتل سبعة مدنيين من عائلة واحدة بقصف جوي لطيران التحالف الدولي استهدف منزلهم في حي الخضراء بمدينة تلعفر غرب الموصل اليوم الخميس، خلال عمليات تحرير القضاء من عصابات داعش."),
            ("en", "Iraq Casualty Watch", "2017-08-24", "Tweet",
             "#Iraq: 7 civilians from one family killed when a coalition airstrike hit their house in Tal Afar's al-Khadra district, west of Mosul, today (24 Aug), local sources say. #TalAfar"),
        ],
    ),
    (
        "coalition-idlib-2020-06-14",
        [
            ("ar", "الدفاع المدني السوري", "2020-06-14", "استهداف سيارة في إدلب",
             "استجابت فرقنا لاستهداف سيارة مدنية بصاروخ من طائرة مسيّرة يُعتقد أنها تابعة للتحالف الدولي على طريق إدلب - بنش شرقي مدينة إدلب. أسفر الاستهداف عن مقتل شخصين كانا في السيارة، وعملت الفرق على إطفاء الحريق وانتشال الجثتين. #الخوذ_البيضاء"),
            ("en", "Associated Press", "2020-06-14", "Drone strike in Syria's Idlib kills 2 in car",
             "A drone believed to belong to the U.S.-led coalition fired a missile at a car on the road between Idlib city and Binnish in northwestern Syria on Sunday, killing the two men inside, rescuers and opposition activists said. The Pentagon did not immediately comment."),
        ],
    ),
    # --- Russia ---------------------------------------------------------------------------------
    (
        "russia-aleppo-fardous-2016-10-12",
        [
            ("ar", "الدفاع المدني السوري - حلب", "2016-10-12", "قصف حي الفردوس",
             "حلب المحاصرة: 13 شهيداً بينهم أطفال ونساء جراء غارات الطيران الحربي الروسي على حي الفردوس صباح اليوم الأربعاء. فرق الدفاع المدني انتشلت الضحايا من تحت أنقاض بنائين، ولا تزال عمليات البحث مستمرة."),
            ("en", "Syria Monitor Desk", "2016-10-12", "Tweet",
             "BREAKING #Aleppo: Russian jets strike al-Fardous neighbourhood in besieged east Aleppo this morning, 13 killed incl. women and children, civil defence says. Rescue ongoing under rubble of two buildings."),
        ],
    ),
    (
        "russia-ariha-2019-07-28",
        [
            ("ar", "المرصد السوري لحقوق الإنسان", "2019-07-28", "مجزرة في أريحا",
             "رصد المرصد السوري مقتل 11 مدنياً بينهم 3 أطفال، جراء ضربات جوية نفذتها طائرات حربية روسية على أحياء سكنية في مدينة أريحا بريف إدلب الجنوبي، مساء الأحد 28 تموز، فيما أصيب أكثر من 20 آخرين بجراح متفاوتة."),
            ("en", "Agence France-Presse", "2019-07-29", "Russian strikes kill 11 civilians in northwest Syria: monitor",
             "Russian air strikes killed 11 civilians including three children in the town of Ariha in Syria's Idlib province on Sunday, the Syrian Observatory for Human Rights said. More than 20 people were wounded in the raids on residential areas, the Britain-based monitor said."),
        ],
    ),
    (
        "russia-jisr-shughur-2022-09-08",
        [
            ("ar", "جسر الشغور الآن", "2022-09-08", "غارات روسية",
             "عاجل: الطيران الحربي الروسي يشن غارتين على أطراف مدينة جسر الشغور غربي إدلب، ومعلومات أولية عن مقتل أربعة مدنيين بينهم امرأة وإصابة آخرين كانوا يعملون في أرض زراعية."),
            ("en", "Northwest Syria Protection Cluster", "2022-09-12", "Flash update: Jisr al-Shughur",
             "On 8 September 2022, two Russian airstrikes hit farmland on the outskirts of Jisr al-Shughur, western Idlib governorate. Four civilians, including one woman, were killed while working in the fields; three others were injured and referred to hospitals in Darkush."),
        ],
    ),
    (
        "russia-kafr-batna-2018-03-20",
        [
            ("ar", "الدفاع المدني في ريف دمشق", "2018-03-20", "كفربطنا",
             "الغوطة الشرقية: 17 شهيداً حصيلة الغارات الروسية التي استهدفت بلدة كفربطنا اليوم، بينهم 6 أطفال، وفرقنا تواجه صعوبة في الوصول إلى المصابين بسبب استمرار القصف."),
            ("en", "Reuters", "2018-03-20", "Air strikes kill 17 in Syria's eastern Ghouta, rescuers say",
             "BEIRUT (Reuters) - Russian air strikes killed 17 people, six of them children, in the town of Kafr Batna in the besieged eastern Ghouta on Tuesday, rescue workers said. Moscow denies targeting civilians and says it strikes militants."),
        ],
    ),
    # --- Syrian government ------------------------------------------------------------------------
    (
        "government-douma-2017-11-20",
        [
            ("ar", "شبكة دوما الإعلامية", "2017-11-20", "قصف دوما",
             "دوما | ثمانية شهداء بينهم ثلاثة أطفال بقصف مدفعي وصاروخي لقوات النظام استهدف الأحياء السكنية في مدينة دوما ظهر اليوم الإثنين، وسط حالة من الهلع بين الأهالي."),
            ("en", "Ghouta Monitor", "2017-11-20", "Tweet",
             "#Douma #Ghouta: 8 civilians incl 3 children killed by regime artillery and rocket fire on residential areas of Douma at noon today. Hospitals overwhelmed. #Syria"),
        ],
    ),
    (
        "government-idlib-city-2020-01-15",
        [
            ("ar", "الدفاع المدني السوري", "2020-01-15", "قصف مدينة إدلب",
             "فرقنا تستجيب لقصف صاروخي من قوات النظام استهدف سوق الصناعة ومحيطه في مدينة إدلب. الحصيلة حتى الآن 18 قتيلاً وأكثر من 30 مصاباً، بينهم عدد من الأطفال. #الخوذ_البيضاء"),
            ("en", "Reuters", "2020-01-15", "Rocket fire kills 18 in Syria's Idlib city",
             "AMMAN (Reuters) - Syrian government rocket fire hit the industrial market area of Idlib city on Wednesday, killing at least 18 people and wounding more than 30, rescue workers said, in one of the deadliest attacks on the rebel-held city this year."),
        ],
    ),
    (
        "government-darat-izza-2023-10-06",
        [
            ("ar", "المرصد السوري لحقوق الإنسان", "2023-10-06", "قصف دارة عزة",
             "قضى ستة مواطنين بينهم طفلان، جراء قصف مدفعي نفذته قوات النظام على مدينة دارة عزة بريف حلب الغربي، يوم الجمعة السادس من تشرين الأول، ضمن التصعيد المستمر على مناطق الشمال السوري."),
            ("en", "Syrians for Truth and Justice", "2023-10-11", "Shelling of Darat Izza",
             "Syrian government forces shelled the town of Darat Izza in western Aleppo countryside on 6 October 2023. Six civilians were killed, among them two children, and at least 15 were injured, according to testimonies gathered by our field researchers."),
        ],
    ),
    (
        "government-atarib-2024-09-12",
        [
            ("ar", "الأتارب اليوم", None, "قصف الأتارب",
             "الأتارب: استشهاد ثلاثة مدنيين بينهم طفلان بقصف لقوات النظام بالصواريخ على الحي الشمالي من مدينة الأتارب غربي حلب صباح الخميس 12 أيلول 2024."),
            ("en", "Syria Monitor Desk", "2024-09-12", "Tweet",
             "#Atarib, W. #Aleppo: regime rocket fire kills 3 civilians incl 2 children in the town's northern quarter this morning (12 Sep)."),
        ],
    ),
    # --- Turkey and the Syrian National Army ------------------------------------------------------
    (
        "turkey-jinderes-2018-01-28",
        [
            ("ar", "الوكالة العربية السورية للأنباء", "2018-01-28", "العدوان التركي على جنديرس",
             "حلب-سانا: استشهد ثمانية مدنيين بينهم أطفال جراء غارات نفذها طيران النظام التركي على بلدة جنديرس في منطقة عفرين بريف حلب الشمالي في إطار عدوانه المتواصل على الأراضي السورية."),
            ("en", "Reuters", "2018-01-28", "Turkish air strikes kill eight civilians in Syria's Afrin region: monitor",
             "BEIRUT (Reuters) - Turkish air strikes killed eight civilians, including children, in the town of Jinderes in Syria's Afrin region on Sunday, the Syrian Observatory for Human Rights said. Turkey says it only targets Kurdish YPG militants."),
        ],
    ),
    (
        "turkey-tal-tamr-2019-10-16",
        [
            ("ar", "شبكة الخابور", "2019-10-16", "قصف تل تمر",
             "تل تمر: خمسة شهداء مدنيين بقصف مدفعي لجيش الاحتلال التركي والفصائل الموالية له على أطراف بلدة تل تمر بريف الحسكة، والقصف مستمر على القرى الآشورية المحيطة."),
            ("en", "Kurdistan Human Rights Network", "2019-10-21", "Documentation: Tal Tamr",
             "On 16 October 2019, Turkish army artillery and allied Syrian National Army factions shelled the outskirts of Tal Tamr in al-Hasakah governorate. Five civilians were killed. The shelling also damaged two churches in nearby Assyrian villages."),
        ],
    ),
    (
        "turkey-amuda-2022-11-23",
        [
            ("ar", "عامودا بوست", "2022-11-23", "مسيرة تركية",
             "عامودا: مقتل مدنيين اثنين بقصف لطائرة مسيرة تركية استهدف سيارة على طريق عامودا - القامشلي مساء الأربعاء 23 تشرين الثاني."),
            ("en", "Rojava Information Desk", "2022-11-23", "Tweet",
             "Turkish drone strike on a car on the #Amuda - #Qamishli road this evening, 2 civilians killed. Third day of Turkish strikes across NE #Syria."),
        ],
    ),
    (
        "turkey-makhmour-2023-06-07",
        [
            ("ar", "وكالة الأنباء العراقية", "2023-06-07", "مخمور",
             "أعلنت قيادة العمليات المشتركة، اليوم الأربعاء، مقتل ثلاثة أشخاص بقصف لطائرة مسيرة تركية استهدف مخيم مخمور في محافظة نينوى، مؤكدة أن القصف انتهاك صارخ للسيادة العراقية."),
            ("en", "Reuters", "2023-06-07", "Turkish drone strike kills three at Iraq's Makhmour camp, Baghdad says",
             "BAGHDAD (Reuters) - A Turkish drone strike on the Makhmour refugee camp in northern Iraq killed three people on Wednesday, Iraq's Joint Operations Command said, calling the strike a violation of Iraqi sovereignty. Ankara says the camp shelters PKK militants."),
        ],
    ),
    (
        "sna-tal-rifaat-2021-12-03",
        [
            ("ar", "المرصد السوري لحقوق الإنسان", "2021-12-03", "تل رفعت",
             "قتل 4 مدنيين بينهم طفلان جراء قصف صاروخي نفذته الفصائل الموالية لتركيا والقوات التركية على مدينة تل رفعت بريف حلب الشمالي، اليوم الجمعة."),
            ("en", "Associated Press", "2021-12-03", "Shelling kills 4 in northern Syria town",
             "Shelling by Turkish forces and Turkish-backed Syrian opposition fighters killed four civilians, including two children, in the northern Syrian town of Tal Rifaat on Friday, a Kurdish-led group and a war monitor said."),
        ],
    ),
    # --- SDF --------------------------------------------------------------------------------------
    (
        "sdf-al-bab-2021-03-09",
        [
            ("ar", "الدفاع المدني السوري", "2021-03-09", "قصف مدينة الباب",
             "قتل خمسة مدنيين وأصيب 11 آخرون بقصف مدفعي مصدره مناطق سيطرة قسد، استهدف الأحياء السكنية وسط مدينة الباب شرقي حلب. فرقنا أسعفت المصابين إلى المستشفى."),
            ("en", "Reuters", "2021-03-09", "Shelling kills five in Syria's al-Bab, rescuers say",
             "ISTANBUL (Reuters) - Artillery fire from areas held by the Kurdish-led Syrian Democratic Forces killed five civilians and wounded 11 in the centre of al-Bab in northern Syria on Tuesday, rescue workers said. The SDF denied responsibility."),
        ],
    ),
    (
        "sdf-diban-2023-08-30",
        [
            ("ar", "فرات بوست", "2023-08-30", "ذيبان",
             "#دير_الزور | مقتل ثلاثة مدنيين برصاص عناصر قسد خلال مداهمات في بلدة ذيبان بريف دير الزور الشرقي، اليوم الأربعاء، وسط توتر مع أبناء العشائر."),
            ("en", "Eastern Syria Monitor", "2023-08-30", "Tweet",
             "#DeirEzzor: 3 civilians shot dead by SDF fighters during raids in #Dhiban today as clashes with tribal fighters spread along the Euphrates."),
        ],
    ),
    (
        "sdf-marea-2024-02-10",
        [
            ("ar", "المرصد السوري لحقوق الإنسان", "2024-02-10", "مارع",
             "قضى مدنيان اثنان وأصيب آخرون بقصف مدفعي نفذته قوات سوريا الديمقراطية على مدينة مارع بريف حلب الشمالي، اليوم السبت."),
            ("en", "Syrian Network for Human Rights", "2024-02-15", "Daily report excerpt",
             "On February 10, 2024, artillery shells fired by Syrian Democratic Forces (SDF) hit Marea city in northern Aleppo suburbs, killing two civilians and wounding four."),
        ],
    ),
    # --- ISIS -------------------------------------------------------------------------------------
    (
        "isis-raqqa-2019-05-02",
        [
            ("ar", "الوكالة العربية السورية للأنباء", "2019-05-02", "تفجير في الرقة",
             "الرقة-سانا: استشهد ثمانية مدنيين وأصيب آخرون بتفجير سيارة مفخخة قرب دوار النعيم في مدينة الرقة، وتبنى تنظيم داعش الإرهابي التفجير."),
            ("en", "Reuters", "2019-05-02", "Car bomb kills eight in Syria's Raqqa; Islamic State claims it",
             "BEIRUT (Reuters) - A car bomb killed eight civilians near al-Naim roundabout in the Syrian city of Raqqa on Thursday, local officials said. Islamic State claimed responsibility in a statement on its Amaq news agency."),
        ],
    ),
    (
        "isis-tuz-khurmatu-2021-04-15",
        [
            ("ar", "وكالة الأنباء العراقية", "2021-04-15", "طوزخورماتو",
             "صلاح الدين - استشهد خمسة مدنيين بانفجار عبوة ناسفة زرعتها عصابات داعش الإرهابية استهدفت حافلة صغيرة على طريق قرب قضاء طوزخورماتو، اليوم الخميس."),
            ("en", "Iraq Casualty Watch", "2021-04-15", "Tweet",
             "#Iraq: IED planted by ISIS hits a minibus near #Tuz Khurmatu, Salahuddin, 5 civilians killed today."),
        ],
    ),
    (
        "isis-uqayribat-2024-03-08",
        [
            ("ar", "المرصد السوري لحقوق الإنسان", "2024-03-08", "الكمأة",
             "ارتفع إلى 11 عدد جامعي الكمأة الذين قتلوا على يد خلايا تنظيم الدولة الإسلامية في بادية عقيربات بريف حماة الشرقي، بعد هجوم مسلح استهدفهم اليوم الجمعة."),
            ("en", "Syrians for Truth and Justice", "2024-03-14", "Truffle gatherers killed near Uqayribat",
             "On 8 March 2024, gunmen of the Islamic State (ISIS) attacked a group of truffle gatherers in the desert near Uqayribat, eastern Hama countryside, killing 11 of them. Relatives told our researchers that the victims were from villages around Salamiyah."),
        ],
    ),
    (
        "isis-deir-ez-zor-joura-2017-08-05",
        [
            ("ar", "الوكالة العربية السورية للأنباء", "2017-08-05", "قذائف على الجورة",
             "دير الزور-سانا: استشهد ستة مواطنين وأصيب 14 آخرون جراء اعتداء إرهابيي تنظيم داعش بالقذائف الصاروخية على حي الجورة في مدينة دير الزور."),
            ("en", "Associated Press", "2017-08-05", "IS shelling kills 6 in besieged Syrian city",
             "Islamic State militants shelled the government-held al-Joura district of the besieged eastern Syrian city of Deir el-Zour on Saturday, killing six people and wounding 14, state media reported."),
        ],
    ),
    # --- HTS --------------------------------------------------------------------------------------
    (
        "hts-suqaylabiyah-2023-04-14",
        [
            ("ar", "الوكالة العربية السورية للأنباء", "2023-04-14", "السقيلبية",
             "حماة-سانا: استشهد أربعة مدنيين وأصيب ستة آخرون جراء اعتداء المجموعات الإرهابية المنتشرة في ريف إدلب بالقذائف الصاروخية على مدينة السقيلبية بريف حماة الشمالي الغربي."),
            ("en", "Syria Monitor Desk", "2023-04-14", "Tweet",
             "#Hama: 4 civilians killed, 6 injured as rockets fired by #HTS hit government-held #Suqaylabiyah today."),
        ],
    ),
    (
        "hts-binnish-2024-05-14",
        [
            ("ar", "بنش الحدث", "2024-05-14", "بنش",
             "بنش: مقتل شاب وإصابة ثلاثة آخرين برصاص عناصر الأمن العام التابع لهيئة تحرير الشام خلال تفريق مظاهرة في مدينة بنش شرقي إدلب مساء الثلاثاء."),
            ("en", "Idlib Rights Watch", "2024-05-17", "Protest in Binnish",
             "On 14 May 2024, security forces of Hayat Tahrir al-Sham (HTS) opened fire on protesters in Binnish, Idlib governorate, killing one young man and injuring three."),
        ],
    ),
    (
        "hts-aleppo-hamdaniyah-2019-11-19",
        [
            ("ar", "الوكالة العربية السورية للأنباء", "2019-11-19", "الحمدانية",
             "حلب-سانا: استشهد خمسة مدنيين بينهم طفل جراء اعتداء التنظيمات الإرهابية بالقذائف الصاروخية على حي الحمدانية في مدينة حلب."),
            ("en", "Reuters", "2019-11-19", "Rockets kill five in Syria's Aleppo, state media says",
             "BEIRUT (Reuters) - Rockets fired by jihadist rebels killed five civilians, including a child, in the al-Hamdaniyah district of government-held Aleppo on Tuesday, state media said. A commander of Hayat Tahrir al-Sham denied targeting residential areas."),
        ],
    ),
    # --- Israel -----------------------------------------------------------------------------------
    (
        "israel-mezzeh-2024-10-08",
        [
            ("ar", "الوكالة العربية السورية للأنباء", "2024-10-08", "عدوان إسرائيلي على المزة",
             "دمشق-سانا: استشهد سبعة مدنيين بينهم امرأتان وطفل وأصيب 11 آخرون جراء عدوان إسرائيلي استهدف بناء سكنياً في حي المزة بدمشق."),
            ("en", "Reuters", "2024-10-08", "Israeli strike on Damascus building kills seven, state media says",
             "DAMASCUS (Reuters) - An Israeli air strike on a residential building in the Mezzeh district of Damascus killed seven civilians, including two women and a child, on Tuesday, Syrian state media reported. Israel's military did not comment."),
        ],
    ),
    (
        "israel-khan-arnabah-2025-05-20",
        [
            ("ar", "صفحة القنيطرة الآن", "2025-05-20", "خان أرنبة",
             "القنيطرة: مقتل شخصين بقصف طائرة مسيرة إسرائيلية استهدف دراجة نارية قرب مدينة خان أرنبة، في استمرار للتوغلات الإسرائيلية في ريف القنيطرة."),
            ("en", "Southern Syria Monitor", "2025-05-20", "Tweet",
             "#Quneitra: Israeli drone strike on a motorbike near Khan Arnabah, 2 killed."),
        ],
    ),
    (
        "israel-qusayr-2024-09-25",
        [
            ("ar", "المرصد السوري لحقوق الإنسان", "2024-09-25", "القصير",
             "قتل ثلاثة أشخاص بينهم سائق شاحنة، بغارة جوية إسرائيلية استهدفت شاحنة قرب معبر جوسية في منطقة القصير بريف حمص الجنوبي الغربي."),
            ("en", "Lebanon-Syria Border Observatory", "2024-09-30", "Strikes on the Qusayr crossings",
             "On 25 September 2024, an Israeli airstrike hit a truck near the Jousieh crossing in the Qusayr area of Homs governorate, killing three people, among them the driver."),
        ],
    ),
    # --- Iran -------------------------------------------------------------------------------------
    (
        "iran-sidakan-2023-07-19",
        [
            ("ar", "شبكة أخبار سوران", "2023-07-19", "سيدكان",
             "عاجل | مقتل راعيين اثنين بقصف مدفعي إيراني استهدف قرية حدودية في ناحية سيدكان بمحافظة أربيل ظهر اليوم الأربعاء."),
            ("en", "Reuters", "2023-07-19", "Iranian shelling kills two shepherds in Iraq's Kurdistan region",
             "ERBIL, Iraq (Reuters) - Iranian artillery shelled a border village in the Sidakan area of Iraq's Kurdistan region on Wednesday, killing two shepherds, a local official said. Iran frequently targets Iranian Kurdish opposition groups in the area."),
        ],
    ),
    (
        "iran-kafr-taal-2020-01-28",
        [
            ("ar", "المرصد السوري لحقوق الإنسان", "2020-01-28", "كفر تعال",
             "قضى أربعة مواطنين بينهم طفل بقصف صاروخي نفذته الميليشيات الإيرانية على بلدة كفر تعال بريف حلب الغربي، اليوم الثلاثاء."),
            ("en", "Syrian Network for Human Rights", "2020-02-03", "Daily report excerpt",
             "On January 28, 2020, Iranian militias fired rockets at Kafr Taal town in western Aleppo suburbs, killing four civilians, including one child."),
        ],
    ),
    (
        "iran-koya-2022-11-14",
        [
            ("ar", "وكالة الأنباء العراقية", "2022-11-14", "كويسنجق",
             "أربيل - قتل شخصان وأصيب ثمانية آخرون بقصف صاروخي وطائرات مسيرة للحرس الثوري الإيراني استهدف مقراً لحزب كردي إيراني معارض قرب قضاء كويسنجق، اليوم الإثنين."),
            ("en", "Associated Press", "2022-11-14", "Iran strikes Kurdish groups in northern Iraq, 2 killed",
             "Iran's Revolutionary Guard struck the base of an Iranian Kurdish opposition party near Koya in northern Iraq with missiles and drones on Monday, killing two people and wounding eight, Kurdish officials said."),
        ],
    ),
    # --- Two more, with an undated post and tolls that rise -----------------------------------------
    (
        "russia-maarat-misrin-2019-12-25",
        [
            ("ar", "الدفاع المدني السوري", None, "معرة مصرين",
             "ثلاثة قتلى مدنيين بينهم طفل بغارات جوية روسية استهدفت بلدة معرة مصرين شمالي إدلب يوم الأربعاء 25 كانون الأول 2019. فرقنا انتشلت الضحايا وأسعفت المصابين."),
            ("en", "Agence France-Presse", "2019-12-26", "Russian strikes kill five in Syria's Idlib: monitor",
             "Russian air strikes killed five civilians including a child in the town of Maarat Misrin in northern Idlib province on Wednesday, the Syrian Observatory for Human Rights said on Thursday, raising an earlier toll of three."),
        ],
    ),
    (
        "coalition-hajin-2018-11-17",
        [
            ("ar", "نهر ميديا", "2018-11-17", "هجين",
             "#هجين | مقتل عشرة مدنيين بينهم نساء وأطفال بقصف لطيران التحالف الدولي على مدينة هجين شرقي دير الزور، والضربات تتواصل على جيب تنظيم الدولة الأخير."),
            ("en", "Reuters", "2018-11-18", "Coalition strikes kill civilians in last IS enclave in Syria - monitor",
             "BEIRUT (Reuters) - U.S.-led coalition air strikes killed at least 12 civilians, including women and children, in the town of Hajin in Syria's Deir ez-Zor province on Saturday, the Syrian Observatory for Human Rights said. The coalition says it takes great care to avoid civilian casualties."),
        ],
    ),
    # --- Distractors: the same town a week later, the same day in another town, the same party elsewhere
    (
        "coalition-mayadin-2017-05-21",
        [
            ("ar", "شبكة الميادين الإخبارية", "2017-05-21", "الميادين مجدداً",
             "#الميادين | ثلاثة قتلى مدنيين بغارة لطيران التحالف الدولي على حي البلعوم في مدينة الميادين بريف دير الزور الشرقي ظهر اليوم الأحد."),
            ("en", "Reuters", "2017-05-21", "Coalition strike kills three in Syria's Mayadin - monitor",
             "BEIRUT (Reuters) - A U.S.-led coalition air strike killed three civilians in the al-Ballum district of Mayadin in eastern Syria on Sunday, a war monitor said."),
        ],
    ),
    (
        "russia-anadan-2016-10-12",
        [
            ("ar", "مكتب عندان الإعلامي", "2016-10-12", "عندان",
             "عندان: ستة شهداء بغارات الطيران الروسي على بلدة عندان بريف حلب الشمالي عصر اليوم الأربعاء."),
        ],
    ),
    (
        "turkey-kobani-2022-11-23",
        [
            ("en", "Rojava Information Desk", "2022-11-23", "Tweet",
             "Turkish drone strike hits a farm on the western edge of #Kobani this morning, 3 civilians killed."),
        ],
    ),
    (
        "government-idlib-city-2020-01-22",
        [
            ("ar", "الدفاع المدني السوري", "2020-01-22", "قصف مدينة إدلب",
             "مقتل شخصين بقصف مدفعي لقوات النظام على حي الضبيط في مدينة إدلب اليوم الأربعاء، وفرقنا تعمل على إخلاء العائلات من الأبنية المتضررة."),
            ("en", "Syria Monitor Desk", "2020-01-22", "Tweet",
             "#Idlib city: 2 killed by regime artillery in al-Dabit neighbourhood today, a week after the industrial market massacre."),
        ],
    ),
    (
        "isis-busayrah-2019-05-02",
        [
            ("ar", "فرات بوست", "2019-05-02", "البصيرة",
             "#البصيرة | مقتل مدنيين اثنين برصاص مسلحين من خلايا داعش اقتحموا منزلهما في بلدة البصيرة بريف دير الزور الشرقي ليلة الخميس."),
        ],
    ),
    (
        "israel-quneitra-2024-10-08",
        [
            ("en", "Southern Syria Monitor", "2024-10-08", "Tweet",
             "#Quneitra: Israeli drone strike near the village of Jubata al-Khashab, 1 killed, hours before the strike on #Damascus #Mezzeh."),
        ],
    ),
    (
        "government-harasta-2017-11-20",
        [
            ("en", "Ghouta Monitor", "2017-11-20", "Tweet",
             "#Harasta: 3 killed by regime shelling on the town this afternoon, same day as the #Douma massacre."),
        ],
    ),
    (
        "turkey-makhmour-2023-06-14",
        [
            ("ar", "وكالة الأنباء العراقية", "2023-06-14", "مخمور مجدداً",
             "قتل شخص واحد بقصف جديد لطائرة مسيرة تركية استهدف سيارة عند مدخل مخيم مخمور شمالي العراق، اليوم الأربعاء، بعد أسبوع من القصف السابق على المخيم."),
        ],
    ),
    (
        "sdf-manbij-2021-03-09",
        [
            ("ar", "الوكالة العربية السورية للأنباء", "2021-03-09", "منبج",
             "حلب-سانا: استشهد مدني برصاص ميليشيا قسد خلال مداهمة منزله في مدينة منبج بريف حلب الشمالي الشرقي."),
        ],
    ),
]
