using Assistant.Search.Places;
using Assistant.Search.Understanding;

namespace Assistant.Tests.Search;

[Collection(AssistantGroup.Name)]
public sealed class LocationExtractorTests(AssistantFixture fixture)
{
    [Theory]
    [InlineData("在杭州怎么补办身份证", "33", "330100")]
    [InlineData("浙江杭州社保卡", "33", "330100")]
    [InlineData("我在昆山上班", "32", "320500")]
    [InlineData("深圳南山哪里办护照", "44", "440300")]
    [InlineData("北京朝阳区办居住证", "11", "110100")]
    [InlineData("恩施的公积金", "42", "422800")]
    [InlineData("老家河南", "41", null)]
    [InlineData("新疆乌鲁木齐", "65", "650100")]
    [InlineData("我们在浦东新开了个贸易公司", "31", "310100")]     // data/lexicon/place-aliases.tsv
    [InlineData("在萧山开了家小面馆", "33", "330100")]
    [InlineData("在雄安盖楼要施工许可", "13", "130600")]
    [InlineData("人在羊城，社保卡怎么换", "44", "440100")]     // city nicknames
    [InlineData("蓉城哪里办港澳通行证", "51", "510100")]
    [InlineData("在随申办上怎么约换驾照", "31", null)]     // the province's government-service app (provinces.csv)
    [InlineData("我在杭洲上班，社保卡丢了", "33", "330100")]     // heard right, written wrong (PlaceSoundAlikes)
    [InlineData("人在广洲，护照过期了怎么换", "44", "440100")]
    [InlineData("刚搬到郑洲，居住证咋办", "41", "410100")]
    [InlineData("想回广栋老家办社保卡", "44", null)]     // a province's short name too (河难 is not caught: 河南 is also a county in Qinghai)
    [InlineData("石家装这边的失业金怎么申请", "13", "130100")]     // a slip before 这边 as well as after 在
    [InlineData("申城这边今年个税汇算从几号开始", "31", null)]     // nicknames and literary names added in session 8
    [InlineData("燕赵大地上的小两口要离婚", "13", null)]
    [InlineData("苏E牌照的车年检在哪做", "32", null)]     // a licence plate's province (data/lexicon/plate-prefixes.tsv)
    [InlineData("京牌车过户要什么手续", "11", null)]
    [InlineData("shebaoka zai hangzhou ban", "33", "330100")]     // typed in pinyin
    [InlineData("guangzhou huzhao", "44", "440100")]
    [InlineData("在苏洲办居住证", "32", "320500")]     // a slip keeps its first character: 苏洲 is 苏州, not 宿州
    [InlineData("刚搬到福洲，居住证咋办", "35", "350100")]     // and 福洲 is 福州, not 抚州
    [InlineData("刚下天河机场，身份证掉了", "42", "420100")]     // landmarks (data/lexicon/landmarks.tsv): 武汉's airport, not 广州's 天河区
    [InlineData("春熙路上开服装店，年报怎么报", "51", "510100")]
    [InlineData("我住西湖边上，身份证快到期了", "33", "330100")]
    [InlineData("冰城这边，驾照到期了怎么换", "23", "230100")]
    [InlineData("川籍退伍军人，优待证怎么办", "51", null)]     // a province's one-character abbreviation before 籍
    [InlineData("在渝工作的外地人，公积金贷款能贷多少", "50", null)]     // or between 在/来/回… and 工作/务工/生活…
    [InlineData("皖北农村的，城乡居民医保交多少", "34", null)]     // a part of a province (place-aliases.tsv)
    [InlineData("沪漂五年了，想办居住证", "31", null)]
    [InlineData("我的车是粤B的，今年该年检了", "44", null)]     // a car said before the plate
    [InlineData("川A的二手车卖给外地人了，转移登记在哪办", "51", null)]     // or a few characters after it
    [InlineData("济男这边的社保卡怎么补", "37", "370100")]     // two characters before 这边, not starting with a surname
    [InlineData("在成督上班，社保卡丢了", "51", "510100")]     // 成都 sounds as pinyin-words.tsv reads it (cheng du, not dou)
    [InlineData("huzhao zai changsha ban", "43", "430100")]     // 长沙 (chang), counting its own 长沙县 as the city
    [InlineData("chongqing shebaoka", "50", null)]
    [InlineData("在厦们办护照", "35", "350200")]     // heard by the characters' first readings too (厦 sha)
    [InlineData("在北京时间不长，能办居住证吗", "11", null)]     // 北京时间 is no not-place: it would hide 北京
    [InlineData("huzhao zai guang zhou ban", "44", "440100")]     // separate syllables after a cue
    public void PlacesResolveToProvinceAndCity(string text, string province, string? city)
    {
        var location = fixture.Search.Analyzer.Analyze(text).Location;

        Assert.NotNull(location);
        Assert.Equal(province, location.ProvinceCode);
        Assert.Equal(city, location.CityCode);
    }

    [Theory]
    [InlineData("浦东\t999999")]     // no such division
    [InlineData("杭州\t330100")]     // already a name
    [InlineData("浦东 310115")]       // no tab
    [InlineData("榕城\t350100")]     // a district's short form (揭阳榕城区): an alias would win over it after 揭阳
    public void ABadPlaceAliasLineIsRefusedWithItsLineNumber(string line)
    {
        var data = Directory.CreateTempSubdirectory("aliases-");
        try
        {
            foreach (var folder in new[] { "divisions", "provinces" })
            {
                var target = Directory.CreateDirectory(Path.Combine(data.FullName, "external", folder));
                foreach (var file in Directory.GetFiles(Path.Combine(fixture.Resources.DataPath, "external", folder)))
                {
                    File.Copy(file, Path.Combine(target.FullName, Path.GetFileName(file)));
                }
            }

            Directory.CreateDirectory(Path.Combine(data.FullName, "lexicon"));
            File.WriteAllLines(Path.Combine(data.FullName, "lexicon", "place-aliases.tsv"), ["# header", "宝安\t440306", line]);

            var error = Assert.Throws<InvalidDataException>(() => DivisionGazetteer.Load(data.FullName));

            Assert.Contains("place-aliases.tsv:3:", error.Message);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("现在去了山东济南，社保怎么转", "37")]     // 了山 sounds like 乐山, but 山东 is a real name inside it
    [InlineData("开了家兰州拉面馆，要办什么证", null)]     // a dish sold everywhere (data/lexicon/not-places.txt)
    [InlineData("在京东上班，社保怎么交", null)]     // 京 before a shop's name, not before 工作/上班
    [InlineData("在新工作单位上班，公积金怎么转", null)]     // 新 is no abbreviation we read (新工作)
    [InlineData("有关中小企业的补贴政策", null)]     // 关中 (陕西) is left out: it turns up inside 有关中…, 海关中心
    [InlineData("这东西单位要吗", null)]     // 西单 is left out of the landmarks: 东西单位
    [InlineData("奔驰新c级车上牌要什么材料", null)]     // 新c级 is a car model: the plate's letter must end the word
    [InlineData("杭洲的居住证怎么办", null)]     // no 在/到/去… before it nor 这边 after: a slip is only trusted where a place is expected
    [InlineData("新app怎么下载", null)]     // 新a starts a word: no plate
    [InlineData("suzhou shebaoka", null)]     // typed 苏州 or 宿州: the same sound, no one's
    [InlineData("wo shi yun fu yao ban sheng yu jin", null)]     // yun fu is 孕妇 here: separate syllables need a cue
    [InlineData("换新c1驾照要什么材料", null)]     // 新c1 is a licence class, not a Xinjiang plate
    [InlineData("新a股开户", null)]
    [InlineData("现在三项都办好了，还差什么", null)]     // 三项 sounds like the nickname 三湘: nicknames have no sound-alikes
    [InlineData("我在国际装饰公司上班，社保怎么交", null)]     // nor 国际庄
    [InlineData("许畅这边说材料不全", null)]     // a two-character window before 这边 that starts with a surname is as often a person (许昌)
    [InlineData("黄刚那边还没回话", null)]     // (黄冈)
    [InlineData("材料交到黄珊那里了", null)]     // a person even after 到 (黄山)
    [InlineData("在东馆排队等叫号", null)]     // a building, not 东莞
    [InlineData("南厂这边的工伤怎么认定", null)]     // nor 南昌
    [InlineData("在小店上班，社保怎么交", null)]     // district short forms alone are not read (太原's 小店区)
    [InlineData("我信奉天主教", null)]     // 奉天 (沈阳) is left out: it turns up inside 信奉天主
    [InlineData("构筑城市防线", null)]     // and 筑城 (贵阳)
    public void ASoundAlikeNeverOverridesARealNameOrGuessesBetweenTwo(string text, string? province) =>
        Assert.Equal(province, fixture.Search.Analyzer.Analyze(text).Location?.ProvinceCode);

    [Fact]
    public void DistrictShortFormNeedsItsCity()
    {
        var mentions = fixture.Resources.Locations.Extract("深圳南山");

        Assert.Equal(["深圳", "南山"], mentions.Select(m => m.Text));
        Assert.Equal("440305", mentions[1].Division.Code);
        Assert.Empty(fixture.Resources.Locations.Extract("南山有什么好玩"));   // 南山 alone is not a place we can trust
    }

    [Theory]
    [InlineData("公安局在哪")]
    [InlineData("身份证丢了怎么办")]
    [InlineData("我想办社保卡")]
    [InlineData("加盟蜜雪冰城要办什么证")]
    [InlineData("有没有老年人绿色办事通道")]
    [InlineData("驾照不知道丢到哪去了怎么补")]     // 哪去 sounds like 那曲, but shares no character with it
    [InlineData("准备去另一个城市买房，公积金怎么提")]     // 另一 is not 临沂
    [InlineData("去龙阳路那个办事大厅怎么走")]     // 龙阳 is not 龙岩: nasal finals are not folded
    [InlineData("孩子转学到八中要办啥手续")]     // 八中 sounds like 巴中 but does not begin with its 巴
    [InlineData("我在通话中听不清，能再说一遍吗")]     // 通话 is not 通化 (a city and its county share the sound)
    [InlineData("村里老人都在信仰上花钱，这算迷信吗")]     // 信仰 is a word, not 信阳
    [InlineData("父亲在海难中去世了，抚恤金怎么领")]     // 海难 is a word (and 海南 names two divisions)
    [InlineData("在宝山办居住证")]     // 宝山: Shanghai's district (after its city only) and Yunnan's 保山 share the sound
    public void ServiceWordsAreNotPlaces(string text) => Assert.Null(fixture.Search.Analyzer.Analyze(text).Location);

    [Theory]
    [InlineData("我在深圳上班，老家河南，养老保险想转回去", "转入地", "44", "41")]
    [InlineData("公积金从北京转到成都", "转入地", "11", "51")]
    [InlineData("户口从老家迁到南京", "转入地", "32", "32")]
    [InlineData("在上海办社保卡", null, "31", null)]
    [InlineData("户籍在四川，现在人在苏州，想在苏州换驾照", null, "32", null)]
    [InlineData("老家甘肃的，在厦门打工，居住证在哪办", null, "35", null)]
    [InlineData("在昆山上班两年了，户口还在安徽老家，想办居住证", null, "32", null)]     // 户口还在 is not 人还在
    [InlineData("我现在回到老家江西九江了，想办社保卡", null, "36", null)]
    [InlineData("驾照是在长沙考的，现在人在武汉，快到期了能在这边换吗", null, "42", null)]     // 考的: done there once
    [InlineData("明天从武汉坐飞机去三亚，身份证找不到了，在武汉能办临时身份证吗", null, "42", null)]     // 在X能办: a modal before the verb
    [InlineData("在海南开车违章了，现在回到广州了，能在广州处理吗", null, "44", null)]     // asked for (能在) beats done in (开)
    [InlineData("在北京协和住院花的钱，想回河北邯郸报销", null, "13", null)]
    [InlineData("人在天津，在北京住院花的钱想报销", null, "12", null)]     // 住院 is not 住
    [InlineData("户口在安徽，在杭州办的话要什么材料", null, "33", null)]     // 办的话 is a condition, not the past
    [InlineData("想回老家河南补身份证，我现在就在北京", null, "41", null)]     // 就在 is where the citizen is, not a wish
    [InlineData("在老家江西抚州给孩子交城乡居民医保", null, "36", null)]     // 交城乡 is not 交城县
    [InlineData("人在解放碑这边，要办个临时身份证", null, "50", null)]
    [InlineData("昆山交了五年社保，现在去宁波上班了，养老那块想转到宁波", "转入地", "33", "33")]     // 去X上班了: there now
    [InlineData("我之前一直在郑州交公积金，下个月要调去西安上班，公积金咋转过去", "转入地", "41", "61")]     // 下个月: a plan
    [InlineData("我老婆户口在湖南岳阳，结婚后想把她户口迁到我们住的顺德来", "转入地", "44", "44")]
    [InlineData("以前在沈阳上学，如今在青岛，学历证明怎么开", null, "37", null)]
    [InlineData("去年在海口旅游的时候丢了护照，回到武汉以后补办", null, "42", null)]
    [InlineData("医保从江西转到广东，我已经回广州了", "转入地", "44", "44")]
    [InlineData("人还在南京，下个月准备回山西老家，南京交的养老怎么转回老家", "转入地", "32", "14")]
    [InlineData("在宁波干了六年，如今回贵州遵义了，那边的公积金能转过来吗", "转入地", "52", "52")]
    [InlineData("户口要从吉林迁到天津，我已经在天津落户了", "转出地", "12", "22")]
    [InlineData("在苏州交了八年医保，如今回江西老家了，医保怎么接过来", "转入地", "36", "36")]
    [InlineData("过去在青岛交的养老保险，现在在太原上班，想转", "转入地", "14", "14")]    // 过去 here is "in the past"
    [InlineData("我是湖北的，东莞这边办居住证要啥", null, "44", null)]     // 我是X的: where one comes from
    [InlineData("湖北人，在东莞租房，办居住证要啥", null, "44", null)]     // 在X租房: where one lives
    [InlineData("我在杭州上班，下午来上海开会，身份证丢了能补吗", null, "33", null)]     // 来X for a visit is not 来X住
    [InlineData("我在武汉，朋友说来长沙办更快，驾照到期了", null, "42", null)]
    [InlineData("从东北漂到深圳好几年了，社保卡怎么办", null, "44", null)]     // 北漂 is not an alias
    [InlineData("从哈尔滨退休以后来海口跟女儿住，医保能转到海口吗", "转入地", "46", "46")]     // 来X: there now
    [InlineData("我是广西人，老公是长沙的，我们现在住长沙，户口想迁到他那边", "转入地", "43", "43")]
    [InlineData("我在河北保定，单位人才引进，户口要迁进北京", "转入地", "13", "11")]     // 迁进 like 迁入
    [InlineData("我在沪上上班，公积金想转进老家安徽", "转入地", "31", "34")]     // 沪上: 上海
    public void TransfersRouteToTheHandlingProvince(string text, string? side, string province, string? toProvince)
    {
        var analyzed = fixture.Search.Analyzer.Analyze(text);

        var (from, to) = PlaceRoles.Resolve(analyzed.Normalized.Canonical, analyzed.Places, side);

        Assert.Equal(province, from);
        Assert.Equal(toProvince, to);
    }

    [Theory]
    [InlineData("冰城的医保，我要去三亚过冬住半年，异地就医备案怎么弄", "23", "46")]
    [InlineData("我医保是河南的，要跟着儿子去上海住一阵子，在那边看病要先备案是吧", "41", "31")]
    [InlineData("在成都上班，医保在重庆，异地就医备案", "50", "51")]
    [InlineData("在海口交的社保，退休了回湖南老家，养老金在哪领", "46", "43")]
    [InlineData("人在杭州，异地就医备案怎么弄", "33", "33")]     // no insured place named: where the citizen is
    [InlineData("黑龙江医保在海南住院能报销吗", "23", "23")]     // 医保在海南住院: where it is used
    [InlineData("在上海交的住院费，回安徽能报销吗", "34", "34")]     // a bill paid, not insurance
    public void ServicesHandledWhereInsuredGoToTheInsuredProvince(string text, string insuredProvince, string otherwise)
    {
        var analyzed = fixture.Search.Analyzer.Analyze(text);

        var (province, _) = PlaceRoles.Resolve(analyzed.Normalized.Canonical, analyzed.Places, null, handledWhereInsured: true);
        var (anyService, _) = PlaceRoles.Resolve(analyzed.Normalized.Canonical, analyzed.Places, null);

        Assert.Equal(insuredProvince, province);
        Assert.Equal(otherwise, anyService);
    }

    [Fact]
    public void TheUnderstandingTakesTheInsuredProvinceAndNoCityOfAnotherProvince()
    {
        var u = fixture.Understander.Understand("冰城的医保，我要去三亚海棠区过冬住半年，异地就医备案怎么弄");

        Assert.Equal("cross-region-medical", u.Label);
        Assert.Equal("23", u.Province);
        Assert.Null(u.City);     // 海棠区 is the most specific place named, but not in the province chosen
    }

    [Fact]
    public void TheCatalogSaysWhichServicesAreHandledWhereInsured()
    {
        var catalog = fixture.Resources.Catalog;

        Assert.True(catalog.Find("cross-region-medical")!.HandledWhereInsured);
        Assert.True(catalog.Find("medical-reimbursement")!.HandledWhereInsured);
        Assert.False(catalog.Find("id-card-reissue")!.HandledWhereInsured);
    }
}
