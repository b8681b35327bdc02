<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="terrain" tilewidth="32" tileheight="32" tilecount="180" columns="16">
 <image source="terrain.png" width="512" height="384"/>
 <tile id="0">
  <properties>
   <property name="kind" value="grass_a"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="1" probability="0.35">
  <properties>
   <property name="kind" value="grass_b"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="2" probability="0.25">
  <properties>
   <property name="kind" value="grass_c"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="3">
  <properties>
   <property name="kind" value="asphalt"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="4">
  <properties>
   <property name="kind" value="water_a"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="water"/>
  </properties>
 </tile>
 <tile id="5" probability="0.5">
  <properties>
   <property name="kind" value="water_b"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="water"/>
  </properties>
 </tile>
 <tile id="6">
  <properties>
   <property name="kind" value="cobbles"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="7">
  <properties>
   <property name="kind" value="piazza"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="8">
  <properties>
   <property name="kind" value="gravel"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="gravel"/>
  </properties>
 </tile>
 <tile id="9">
  <properties>
   <property name="kind" value="dirt"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="dirt"/>
  </properties>
 </tile>
 <tile id="10">
  <properties>
   <property name="kind" value="sand"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="sand"/>
  </properties>
 </tile>
 <tile id="11">
  <properties>
   <property name="kind" value="wheat"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="dirt"/>
  </properties>
 </tile>
 <tile id="12">
  <properties>
   <property name="kind" value="ploughed"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="dirt"/>
  </properties>
 </tile>
 <tile id="13">
  <properties>
   <property name="kind" value="vineyard_h"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="dirt"/>
  </properties>
 </tile>
 <tile id="14">
  <properties>
   <property name="kind" value="vineyard_v"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="dirt"/>
  </properties>
 </tile>
 <tile id="15">
  <properties>
   <property name="kind" value="meadow"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="16">
  <properties>
   <property name="kind" value="asphalt_0001"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="17">
  <properties>
   <property name="kind" value="asphalt_0010"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="18">
  <properties>
   <property name="kind" value="asphalt_0011"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="19">
  <properties>
   <property name="kind" value="asphalt_0100"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="20">
  <properties>
   <property name="kind" value="asphalt_0101"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="21">
  <properties>
   <property name="kind" value="asphalt_0110"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="22">
  <properties>
   <property name="kind" value="asphalt_0111"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="23">
  <properties>
   <property name="kind" value="asphalt_1000"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="24">
  <properties>
   <property name="kind" value="asphalt_1001"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="25">
  <properties>
   <property name="kind" value="asphalt_1010"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="26">
  <properties>
   <property name="kind" value="asphalt_1011"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="27">
  <properties>
   <property name="kind" value="asphalt_1100"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="28">
  <properties>
   <property name="kind" value="asphalt_1101"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="29">
  <properties>
   <property name="kind" value="asphalt_1110"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="30">
  <properties>
   <property name="kind" value="water_0001"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="31">
  <properties>
   <property name="kind" value="water_0010"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="32">
  <properties>
   <property name="kind" value="water_0011"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="33">
  <properties>
   <property name="kind" value="water_0100"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="34">
  <properties>
   <property name="kind" value="water_0101"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="35">
  <properties>
   <property name="kind" value="water_0110"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="36">
  <properties>
   <property name="kind" value="water_0111"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="water"/>
  </properties>
 </tile>
 <tile id="37">
  <properties>
   <property name="kind" value="water_1000"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="38">
  <properties>
   <property name="kind" value="water_1001"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="39">
  <properties>
   <property name="kind" value="water_1010"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="40">
  <properties>
   <property name="kind" value="water_1011"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="water"/>
  </properties>
 </tile>
 <tile id="41">
  <properties>
   <property name="kind" value="water_1100"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="42">
  <properties>
   <property name="kind" value="water_1101"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="water"/>
  </properties>
 </tile>
 <tile id="43">
  <properties>
   <property name="kind" value="water_1110"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="water"/>
  </properties>
 </tile>
 <tile id="44">
  <properties>
   <property name="kind" value="cobbles_0001"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="45">
  <properties>
   <property name="kind" value="cobbles_0010"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="46">
  <properties>
   <property name="kind" value="cobbles_0011"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="47">
  <properties>
   <property name="kind" value="cobbles_0100"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="48">
  <properties>
   <property name="kind" value="cobbles_0101"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="49">
  <properties>
   <property name="kind" value="cobbles_0110"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="50">
  <properties>
   <property name="kind" value="cobbles_0111"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="51">
  <properties>
   <property name="kind" value="cobbles_1000"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="52">
  <properties>
   <property name="kind" value="cobbles_1001"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="53">
  <properties>
   <property name="kind" value="cobbles_1010"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="54">
  <properties>
   <property name="kind" value="cobbles_1011"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="55">
  <properties>
   <property name="kind" value="cobbles_1100"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="56">
  <properties>
   <property name="kind" value="cobbles_1101"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="57">
  <properties>
   <property name="kind" value="cobbles_1110"/>
   <property name="layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="58">
  <properties>
   <property name="kind" value="olive"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="59">
  <properties>
   <property name="kind" value="cypress"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="60">
  <properties>
   <property name="kind" value="poplar"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="61">
  <properties>
   <property name="kind" value="bush"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="62">
  <properties>
   <property name="kind" value="trunk"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="63">
  <properties>
   <property name="kind" value="pine_tl"/>
   <property name="layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="64">
  <properties>
   <property name="kind" value="pine_t"/>
   <property name="layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="65">
  <properties>
   <property name="kind" value="pine_tr"/>
   <property name="layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="66">
  <properties>
   <property name="kind" value="pine_l"/>
   <property name="layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="67">
  <properties>
   <property name="kind" value="pine_c"/>
   <property name="layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="68">
  <properties>
   <property name="kind" value="pine_r"/>
   <property name="layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="69">
  <properties>
   <property name="kind" value="pine_bl"/>
   <property name="layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="70">
  <properties>
   <property name="kind" value="pine_b"/>
   <property name="layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="71">
  <properties>
   <property name="kind" value="pine_br"/>
   <property name="layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="72">
  <properties>
   <property name="kind" value="house_a_tl"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="73">
  <properties>
   <property name="kind" value="house_a_t"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="74">
  <properties>
   <property name="kind" value="house_a_tr"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="75">
  <properties>
   <property name="kind" value="house_a_bl"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="76">
  <properties>
   <property name="kind" value="house_a_b"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="77">
  <properties>
   <property name="kind" value="house_a_br"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="78">
  <properties>
   <property name="kind" value="house_b_tl"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="79">
  <properties>
   <property name="kind" value="house_b_t"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="80">
  <properties>
   <property name="kind" value="house_b_tr"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="81">
  <properties>
   <property name="kind" value="house_b_bl"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="82">
  <properties>
   <property name="kind" value="house_b_b"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="83">
  <properties>
   <property name="kind" value="house_b_br"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="84">
  <properties>
   <property name="kind" value="house_c_tl"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="85">
  <properties>
   <property name="kind" value="house_c_t"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="86">
  <properties>
   <property name="kind" value="house_c_tr"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="87">
  <properties>
   <property name="kind" value="house_c_bl"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="88">
  <properties>
   <property name="kind" value="house_c_b"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="89">
  <properties>
   <property name="kind" value="house_c_br"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="90">
  <properties>
   <property name="kind" value="house_lead_tl"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="91">
  <properties>
   <property name="kind" value="house_lead_t"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="92">
  <properties>
   <property name="kind" value="house_lead_tr"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="93">
  <properties>
   <property name="kind" value="house_lead_bl"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="94">
  <properties>
   <property name="kind" value="house_lead_b"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="95">
  <properties>
   <property name="kind" value="house_lead_br"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="96">
  <properties>
   <property name="kind" value="housev_a_tl"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="97">
  <properties>
   <property name="kind" value="housev_a_tr"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="98">
  <properties>
   <property name="kind" value="housev_a_l"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="99">
  <properties>
   <property name="kind" value="housev_a_r"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="100">
  <properties>
   <property name="kind" value="housev_a_bl"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="101">
  <properties>
   <property name="kind" value="housev_a_br"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="102">
  <properties>
   <property name="kind" value="housev_b_tl"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="103">
  <properties>
   <property name="kind" value="housev_b_tr"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="104">
  <properties>
   <property name="kind" value="housev_b_l"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="105">
  <properties>
   <property name="kind" value="housev_b_r"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="106">
  <properties>
   <property name="kind" value="housev_b_bl"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="107">
  <properties>
   <property name="kind" value="housev_b_br"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="108">
  <properties>
   <property name="kind" value="dome_00"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="109">
  <properties>
   <property name="kind" value="dome_01"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="110">
  <properties>
   <property name="kind" value="dome_02"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="111">
  <properties>
   <property name="kind" value="dome_03"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="112">
  <properties>
   <property name="kind" value="dome_10"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="113">
  <properties>
   <property name="kind" value="dome_11"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="114">
  <properties>
   <property name="kind" value="dome_12"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="115">
  <properties>
   <property name="kind" value="dome_13"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="116">
  <properties>
   <property name="kind" value="dome_20"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="117">
  <properties>
   <property name="kind" value="dome_21"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="118">
  <properties>
   <property name="kind" value="dome_22"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="119">
  <properties>
   <property name="kind" value="dome_23"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="120">
  <properties>
   <property name="kind" value="dome_30"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="121">
  <properties>
   <property name="kind" value="dome_31"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="122">
  <properties>
   <property name="kind" value="dome_32"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="123">
  <properties>
   <property name="kind" value="dome_33"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="124">
  <properties>
   <property name="kind" value="tower_tl"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="125">
  <properties>
   <property name="kind" value="tower_tr"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="126">
  <properties>
   <property name="kind" value="tower_bl"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="127">
  <properties>
   <property name="kind" value="tower_br"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="128">
  <properties>
   <property name="kind" value="fountain_tl"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="129">
  <properties>
   <property name="kind" value="fountain_tr"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="130">
  <properties>
   <property name="kind" value="fountain_bl"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="131">
  <properties>
   <property name="kind" value="fountain_br"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="132">
  <properties>
   <property name="kind" value="umbrella"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="133">
  <properties>
   <property name="kind" value="lamp"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="134">
  <properties>
   <property name="kind" value="wall_post"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="135">
  <properties>
   <property name="kind" value="wall_w"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="136">
  <properties>
   <property name="kind" value="wall_s"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="137">
  <properties>
   <property name="kind" value="wall_sw"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="138">
  <properties>
   <property name="kind" value="wall_e"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="139">
  <properties>
   <property name="kind" value="wall_ew"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="140">
  <properties>
   <property name="kind" value="wall_es"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="141">
  <properties>
   <property name="kind" value="wall_esw"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="142">
  <properties>
   <property name="kind" value="wall_n"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="143">
  <properties>
   <property name="kind" value="wall_nw"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="144">
  <properties>
   <property name="kind" value="wall_ns"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="145">
  <properties>
   <property name="kind" value="wall_nsw"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="146">
  <properties>
   <property name="kind" value="wall_ne"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="147">
  <properties>
   <property name="kind" value="wall_new"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="148">
  <properties>
   <property name="kind" value="wall_nes"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="149">
  <properties>
   <property name="kind" value="wall_nesw"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="150">
  <properties>
   <property name="kind" value="spectators_a"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="151">
  <properties>
   <property name="kind" value="spectators_b"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="152">
  <properties>
   <property name="kind" value="spectators_flags"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="153">
  <properties>
   <property name="kind" value="cyclists"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="154">
  <properties>
   <property name="kind" value="rowing_boat"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="water"/>
  </properties>
 </tile>
 <tile id="155">
  <properties>
   <property name="kind" value="sail_boat"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="water"/>
  </properties>
 </tile>
 <tile id="156">
  <properties>
   <property name="kind" value="reeds"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="water"/>
  </properties>
 </tile>
 <tile id="157">
  <properties>
   <property name="kind" value="hay_bale"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="158">
  <properties>
   <property name="kind" value="rocks"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="159">
  <properties>
   <property name="kind" value="flag"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="160">
  <properties>
   <property name="kind" value="arrow_e"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="161">
  <properties>
   <property name="kind" value="arrow_s"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="162">
  <properties>
   <property name="kind" value="arrow_w"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="163">
  <properties>
   <property name="kind" value="arrow_n"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="164">
  <properties>
   <property name="kind" value="finish_line_h"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="165">
  <properties>
   <property name="kind" value="finish_line_v"/>
   <property name="layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="166">
  <properties>
   <property name="kind" value="bunting_h"/>
   <property name="layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="167">
  <properties>
   <property name="kind" value="bunting_v"/>
   <property name="layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="168">
  <properties>
   <property name="kind" value="banner_l"/>
   <property name="layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="169">
  <properties>
   <property name="kind" value="banner_m"/>
   <property name="layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="170">
  <properties>
   <property name="kind" value="banner_r"/>
   <property name="layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="171">
  <properties>
   <property name="kind" value="banner_v_t"/>
   <property name="layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="172">
  <properties>
   <property name="kind" value="banner_v_m"/>
   <property name="layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="173">
  <properties>
   <property name="kind" value="banner_v_b"/>
   <property name="layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="174">
  <properties>
   <property name="kind" value="gate_tl"/>
   <property name="layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="175">
  <properties>
   <property name="kind" value="gate_tr"/>
   <property name="layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="176">
  <properties>
   <property name="kind" value="gate_l"/>
   <property name="layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="177">
  <properties>
   <property name="kind" value="gate_r"/>
   <property name="layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="178">
  <properties>
   <property name="kind" value="gate_bl"/>
   <property name="layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="179">
  <properties>
   <property name="kind" value="gate_br"/>
   <property name="layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" value="cobbles"/>
  </properties>
 </tile>
 <wangsets>
  <wangset name="terrain" type="corner" tile="-1">
   <wangcolor name="grass" color="#8db255" tile="0" probability="1"/>
   <wangcolor name="asphalt" color="#67625f" tile="3" probability="1"/>
   <wangcolor name="water" color="#2f87c2" tile="4" probability="1"/>
   <wangcolor name="cobbles" color="#a08a74" tile="6" probability="1"/>
   <wangtile tileid="0" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="1" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="2" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="3" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="4" wangid="0,3,0,3,0,3,0,3"/>
   <wangtile tileid="5" wangid="0,3,0,3,0,3,0,3"/>
   <wangtile tileid="6" wangid="0,4,0,4,0,4,0,4"/>
   <wangtile tileid="16" wangid="0,1,0,1,0,2,0,1"/>
   <wangtile tileid="17" wangid="0,1,0,2,0,1,0,1"/>
   <wangtile tileid="18" wangid="0,1,0,2,0,2,0,1"/>
   <wangtile tileid="19" wangid="0,2,0,1,0,1,0,1"/>
   <wangtile tileid="20" wangid="0,2,0,1,0,2,0,1"/>
   <wangtile tileid="21" wangid="0,2,0,2,0,1,0,1"/>
   <wangtile tileid="22" wangid="0,2,0,2,0,2,0,1"/>
   <wangtile tileid="23" wangid="0,1,0,1,0,1,0,2"/>
   <wangtile tileid="24" wangid="0,1,0,1,0,2,0,2"/>
   <wangtile tileid="25" wangid="0,1,0,2,0,1,0,2"/>
   <wangtile tileid="26" wangid="0,1,0,2,0,2,0,2"/>
   <wangtile tileid="27" wangid="0,2,0,1,0,1,0,2"/>
   <wangtile tileid="28" wangid="0,2,0,1,0,2,0,2"/>
   <wangtile tileid="29" wangid="0,2,0,2,0,1,0,2"/>
   <wangtile tileid="30" wangid="0,1,0,1,0,3,0,1"/>
   <wangtile tileid="31" wangid="0,1,0,3,0,1,0,1"/>
   <wangtile tileid="32" wangid="0,1,0,3,0,3,0,1"/>
   <wangtile tileid="33" wangid="0,3,0,1,0,1,0,1"/>
   <wangtile tileid="34" wangid="0,3,0,1,0,3,0,1"/>
   <wangtile tileid="35" wangid="0,3,0,3,0,1,0,1"/>
   <wangtile tileid="36" wangid="0,3,0,3,0,3,0,1"/>
   <wangtile tileid="37" wangid="0,1,0,1,0,1,0,3"/>
   <wangtile tileid="38" wangid="0,1,0,1,0,3,0,3"/>
   <wangtile tileid="39" wangid="0,1,0,3,0,1,0,3"/>
   <wangtile tileid="40" wangid="0,1,0,3,0,3,0,3"/>
   <wangtile tileid="41" wangid="0,3,0,1,0,1,0,3"/>
   <wangtile tileid="42" wangid="0,3,0,1,0,3,0,3"/>
   <wangtile tileid="43" wangid="0,3,0,3,0,1,0,3"/>
   <wangtile tileid="44" wangid="0,1,0,1,0,4,0,1"/>
   <wangtile tileid="45" wangid="0,1,0,4,0,1,0,1"/>
   <wangtile tileid="46" wangid="0,1,0,4,0,4,0,1"/>
   <wangtile tileid="47" wangid="0,4,0,1,0,1,0,1"/>
   <wangtile tileid="48" wangid="0,4,0,1,0,4,0,1"/>
   <wangtile tileid="49" wangid="0,4,0,4,0,1,0,1"/>
   <wangtile tileid="50" wangid="0,4,0,4,0,4,0,1"/>
   <wangtile tileid="51" wangid="0,1,0,1,0,1,0,4"/>
   <wangtile tileid="52" wangid="0,1,0,1,0,4,0,4"/>
   <wangtile tileid="53" wangid="0,1,0,4,0,1,0,4"/>
   <wangtile tileid="54" wangid="0,1,0,4,0,4,0,4"/>
   <wangtile tileid="55" wangid="0,4,0,1,0,1,0,4"/>
   <wangtile tileid="56" wangid="0,4,0,1,0,4,0,4"/>
   <wangtile tileid="57" wangid="0,4,0,4,0,1,0,4"/>
  </wangset>
 </wangsets>
</tileset>
